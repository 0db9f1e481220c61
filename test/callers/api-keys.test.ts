import { expect } from '@jest/globals';
import { upstreamCalls, type GraphQLResponse, type TestStack } from '../support/test-stack';
import { KEYS, recordRateTurns, startCallersStack } from './callers-stack';

const ORGS = '{ organizations(limit: 5) { totalCount items { provider name } } }';
/** What ORGS selects. */
interface OrgsData {
  organizations: { totalCount: number; items: Array<{ provider: string; name: string }> };
}
/** A GraphQL answer's body (the HTTP status is the response's). */
type GraphQLBody<T> = Omit<GraphQLResponse<T>, 'status'>;
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
// What orgraph's GraphiQL fetcher sends with every POST, beside the headers pane's headers.
const GRAPHIQL_ACCEPT = 'application/graphql-response+json, application/json';

/** Caller authentication by API key, over HTTP: refused before anything runs, or let through. */
describe('callers with API keys', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startCallersStack();
  });
  afterAll(() => stack?.stop());
  beforeEach(() => stack.reset());

  async function post<T = OrgsData>(body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(stack.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { response, body: (await response.json()) as GraphQLBody<T> };
  }

  function expectRefused(
    result: { response: Response; body: GraphQLBody<unknown> },
    message: RegExp,
    status = 401,
  ): void {
    expect(result.response.status).toBe(status);
    expect(result.response.headers.get('www-authenticate')).toBe(
      'ApiKey realm="orgraph", header="x-api-key"',
    );
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors).toEqual([
      { message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } },
    ]);
    expect(upstreamCalls(stack.emulators).total).toBe(0);
  }

  it('refuses a request without a key: 401, a challenge, UNAUTHENTICATED, no upstream call', async () => {
    expectRefused(
      await post({ query: ORGS }),
      /^Authentication required: send an x-api-key header$/,
    );
  });

  it('refuses an unknown key the same way, without echoing it', async () => {
    const result = await post({ query: ORGS }, { 'x-api-key': 'not-a-configured-key' });
    expectRefused(result, /^The API key is not valid$/);
    expect(JSON.stringify(result.body)).not.toContain('not-a-configured-key');
  });

  it('refuses before parsing: a broken operation without a key is UNAUTHENTICATED, not a parse error', async () => {
    expectRefused(await post({ query: '{ organizations( ' }), /^Authentication required/);
  });

  it('refuses a GraphQL GET without a key too', async () => {
    const url = `${stack.server.url}?query=${encodeURIComponent('{ __typename }')}`;
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(401);
    const body = (await response.json()) as GraphQLBody<unknown>;
    expect(body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it("answers a configured key's caller, whose id (not its key) takes the turns at rate budgets", async () => {
    const turns = recordRateTurns(stack);
    const result = await post({ query: ORGS }, { 'x-api-key': KEYS.admin });
    expect(result.response.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.organizations.items).toHaveLength(5);
    expect(result.body.data!.organizations.totalCount).toBeGreaterThan(5);
    // Every provider was counted, and every call took its turn as "admin".
    const calls = upstreamCalls(stack.emulators);
    expect(Object.keys(calls.crux).length).toBeGreaterThan(0);
    expect(Object.keys(calls.auth0).length).toBeGreaterThan(0);
    expect(Object.keys(calls.datadog).length).toBeGreaterThan(0);
    expect(turns.length).toBeGreaterThan(0);
    expect(new Set(turns)).toEqual(new Set(['admin']));
  });

  it('leaves /healthz open', async () => {
    const response = await fetch(stack.server.url.replace('/graphql', '/healthz'));
    expect(response.status).toBe(200);
  });

  describe('GraphiQL', () => {
    it('serves the page without a key', async () => {
      const response = await fetch(stack.server.url, { headers: { accept: BROWSER_ACCEPT } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('<div id="graphiql"');
      expect(upstreamCalls(stack.emulators).total).toBe(0);
    });

    it('answers its POSTs (introspection, then queries) with the key from the headers pane, and refuses them without', async () => {
      const introspection = { query: '{ __schema { queryType { name } } }' };
      const withKey = await post<unknown>(introspection, {
        accept: GRAPHIQL_ACCEPT,
        'x-api-key': KEYS.admin,
      });
      expect(withKey.response.status).toBe(200);
      expect(withKey.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const query = await post(
        { query: ORGS },
        { accept: GRAPHIQL_ACCEPT, 'x-api-key': KEYS.admin },
      );
      expect(query.body.data!.organizations.items).toHaveLength(5);

      await stack.reset();
      const withoutKey = await post<unknown>(introspection, { accept: GRAPHIQL_ACCEPT });
      expect(withoutKey.response.status).toBe(401);
      // GraphiQL shows the body as the result: the code and message say what to do.
      expect(withoutKey.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    });
  });
});
