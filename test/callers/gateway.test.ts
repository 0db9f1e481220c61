import type { IncomingHttpHeaders } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import {
  ApolloGateway,
  IntrospectAndCompose,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import {
  startVendorRisk,
  type RunningVendorRisk,
} from '../federation/vendor-risk-subgraph/vendor-risk-subgraph';
import { postGraphQL } from '../support/federation-gateway';
import { upstreamCalls, type TestStack } from '../support/test-stack';
import { KEYS, startCallersStack } from './callers-stack';

interface GatewayContext {
  headers: IncomingHttpHeaders;
}

const ORGS = '{ organizations(filter: { providers: [CRUX] }, limit: 2) { items { name } } }';

/**
 * What a client of @apollo/gateway sees when orgraph refuses the gateway's subgraph request. The
 * gateway composes with its own key (orgraph's `_service` needs one too) and forwards the client's
 * x-api-key, if any, to orgraph.
 */
describe('orgraph with caller authentication behind @apollo/gateway', () => {
  let orgraph: TestStack;
  let vendorRisk: RunningVendorRisk;
  let gateway: ApolloServer<GatewayContext>;
  let url: string;
  let cruxOrgId: string;

  beforeAll(async () => {
    orgraph = await startCallersStack();
    const { data } = await orgraph.query<{
      organizations: { items: Array<{ id: string; name: string }> };
    }>(
      '{ organizations(filter: { providers: [CRUX] }, limit: 1) { items { id name } } }',
      undefined,
      { 'x-api-key': KEYS.admin },
    );
    cruxOrgId = data!.organizations.items[0].id;
    vendorRisk = await startVendorRisk({
      assessments: [],
      watchlist: [{ organizationId: cruxOrgId, reason: 'Not assessed yet' }],
    });
    gateway = new ApolloServer<GatewayContext>({
      gateway: new ApolloGateway({
        supergraphSdl: new IntrospectAndCompose({
          subgraphs: [
            { name: 'orgraph', url: orgraph.server.url },
            { name: 'vendor-risk', url: vendorRisk.url },
          ],
          // The gateway's own key, for loading orgraph's SDL.
          introspectionHeaders: { 'x-api-key': KEYS.admin },
        }),
        buildService: ({ url: subgraphUrl }) =>
          new RemoteGraphQLDataSource<GatewayContext>({
            url: subgraphUrl,
            willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
              if (!('incomingRequestContext' in options)) return;
              const key = options.context.headers['x-api-key'];
              if (typeof key === 'string') options.request.http?.headers.set('x-api-key', key);
            },
          }),
      }),
    });
    ({ url } = await startStandaloneServer(gateway, {
      listen: { port: 0, host: '127.0.0.1' },
      context: ({ req }) => Promise.resolve({ headers: req.headers }),
    }));
  });
  afterAll(async () => {
    await gateway?.stop();
    await vendorRisk?.stop();
    await orgraph?.stop();
  });
  beforeEach(() => orgraph.reset());

  /** The one error the gateway makes of orgraph's 401. */
  function refusal(message: string) {
    return {
      message: '401: Unauthorized',
      extensions: {
        code: 'UNAUTHENTICATED',
        // The gateway passes orgraph's whole answer on, with orgraph's own URL.
        response: {
          url: orgraph.server.url,
          status: 401,
          statusText: 'Unauthorized',
          body: { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] },
        },
      },
    };
  }

  it('shows a client without a key HTTP 200, no data and "401: Unauthorized" (UNAUTHENTICATED)', async () => {
    const result = await postGraphQL(url, ORGS);
    expect(result).toEqual({
      status: 200,
      data: null,
      errors: [refusal('Authentication required: send an x-api-key header')],
    });
    expect(upstreamCalls(orgraph.emulators).total).toBe(0);
  });

  it("keeps the other subgraph's data when only orgraph's part of the plan is refused", async () => {
    const result = await postGraphQL(url, '{ watchlist { reason organization { id name } } }');
    expect(result).toEqual({
      status: 200,
      data: { watchlist: [{ reason: 'Not assessed yet', organization: null }] },
      // No path: the error is the whole _entities fetch's.
      errors: [refusal('Authentication required: send an x-api-key header')],
    });
    expect(upstreamCalls(orgraph.emulators).total).toBe(0);
  });

  it("passes orgraph's message for a wrong key on", async () => {
    const result = await postGraphQL(url, ORGS, undefined, { 'x-api-key': 'wrong-key' });
    expect(result.errors).toEqual([refusal('The API key is not valid')]);
    expect(JSON.stringify(result)).not.toContain('wrong-key');
  });

  it("answers a client whose key the gateway forwards; orgraph's _service needs a key as well", async () => {
    const result = await postGraphQL(url, '{ watchlist { organization { id } } }', undefined, {
      'x-api-key': KEYS.cruxOnly,
    });
    expect(result).toEqual({
      status: 200,
      data: { watchlist: [{ organization: { id: cruxOrgId } }] },
    });
    const sdl = await postGraphQL(orgraph.server.url, '{ _service { sdl } }');
    expect(sdl.status).toBe(401);
  });
});
