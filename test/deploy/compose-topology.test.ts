import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { startEmulators, type RunningEmulators } from '../../src/emulators/start-emulators';
import { encodeGlobalId } from '../../src/model/global-id';
import { Provider } from '../../src/model/provider';
import { SUPERGRAPH_FILE } from '../../scripts/compose-supergraph';
import {
  startVendorRisk,
  type RunningVendorRisk,
} from '../federation/vendor-risk-subgraph/vendor-risk-subgraph';
import { emulatorEnv } from '../support/emulator-env';
import { postGraphQL } from '../support/federation-gateway';
import { startOrgraphProcess, type OrgraphProcess } from '../support/orgraph-process';
import { startRedisServer, type RedisServer } from '../support/redis-server';

/**
 * compose.yaml's topology as processes on loopback: two orgraph replicas (src/main.ts) on one real
 * redis-server, the vendor-risk subgraph, and in front of each replica a gateway serving compose's
 * router supergraph (deploy/supergraph.graphql) with compose's host names mapped to loopback. A query
 * through the first replica fills the shared cache; the same query through the second is answered
 * with no upstream call.
 */

const root = path.resolve(__dirname, '..', '..');
const SECRET = 'compose-topology-secret-0123456789';

interface RunningGateway {
  url: string;
  /** Fetches to each subgraph for callers' operations. */
  fetches: Record<string, number>;
  stop(): Promise<void>;
}

/** @apollo/gateway over the committed supergraph, sending each subgraph's fetches to `urls[name]`. */
async function startGateway(urls: Record<string, string>): Promise<RunningGateway> {
  const fetches: Record<string, number> = {};
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(path.join(root, SUPERGRAPH_FILE), 'utf8'),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource({
        url: urls[name],
        willSendRequest: () => {
          fetches[name] = (fetches[name] ?? 0) + 1;
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, fetches, stop: () => server.stop() };
}

describe("compose.yaml's topology on loopback", () => {
  let emulators: RunningEmulators;
  let redis: RedisServer;
  let vendorRisk: RunningVendorRisk;
  let replicas: OrgraphProcess[] = [];
  let gateways: RunningGateway[] = [];

  beforeAll(async () => {
    emulators = await startEmulators();
    redis = await startRedisServer();
    const assessed = emulators.crux.data.partners[0];
    vendorRisk = await startVendorRisk({
      assessments: [
        {
          organizationId: encodeGlobalId('Organization', Provider.CRUX, assessed.uuid),
          riskScore: 42,
          riskNotes: ['late filings'],
        },
      ],
      watchlist: [],
    });
    const env = {
      ...emulatorEnv(emulators),
      REDIS_URL: redis.url,
      ORGRAPH_CACHE_SECRET: SECRET,
      LOG_LEVEL: 'info',
    };
    replicas = await Promise.all([startOrgraphProcess(env), startOrgraphProcess(env)]);
    gateways = await Promise.all(
      replicas.map((replica) =>
        startGateway({ orgraph: replica.url, 'vendor-risk': vendorRisk.url }),
      ),
    );
  }, 60_000);

  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
    await Promise.all(replicas.map((r) => r.stop()));
    await vendorRisk?.stop();
    await redis?.stop();
    await emulators?.stop();
  });

  it('one query reaches both subgraphs; the second replica answers it from the shared cache', async () => {
    const query = `{
      organizations(filter: { providers: [CRUX] }, limit: 50) {
        items { id name riskScore riskNotes }
      }
    }`;
    type Answer = {
      organizations: {
        items: { id: string; name: string; riskScore: number | null; riskNotes: string[] }[];
      };
    };
    const cruxCalls = () => emulators.crux.counter.count();

    const first = await postGraphQL<Answer>(gateways[0].url, query);
    expect(first.errors).toBeUndefined();
    const assessed = first.data!.organizations.items.filter((o) => o.riskScore !== null);
    expect(assessed).toEqual([
      expect.objectContaining({
        name: emulators.crux.data.partners[0].name,
        riskScore: 42,
        riskNotes: ['late filings'],
      }),
    ]);
    expect(gateways[0].fetches).toEqual({ orgraph: 1, 'vendor-risk': 1 });
    const callsForFirst = cruxCalls();
    expect(callsForFirst).toBeGreaterThan(0);

    const second = await postGraphQL<Answer>(gateways[1].url, query);
    expect(second.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(gateways[1].fetches).toEqual({ orgraph: 1, 'vendor-risk': 1 });
    expect(cruxCalls()).toBe(callsForFirst);
  }, 30_000);
});
