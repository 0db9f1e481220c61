import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ROUTER_KINDS, startRouter, type RunningRouter } from '../support/routers';
import {
  startTestStack,
  upstreamCalls,
  type GraphQLResponse,
  type TestStack,
} from '../support/test-stack';
import {
  startVendorRisk,
  type RunningVendorRisk,
} from './vendor-risk-subgraph/vendor-risk-subgraph';

/**
 * orgraph and the vendor-risk subgraph behind each federation router: @apollo/gateway, Hive Gateway
 * with its JavaScript planner, and with the Rust router runtime. A failing provider's problem must
 * reach the client with the healthy providers' data (and the other subgraph's) through all three.
 */

const PROVIDERS = ['CRUX', 'AUTH0', 'DATADOG'] as const;
type ProviderName = (typeof PROVIDERS)[number];

interface Problem {
  provider: string;
  code: string;
}

interface OrganizationsPage {
  organizations: {
    totalCount: number | null;
    items: Array<{ id: string; provider: string; name: string; riskScore: number | null }>;
    unavailableProviders: Problem[];
  };
}

/** Items from orgraph, a field from vendor-risk on each, and the page's problems as data. */
const PAGE_QUERY = `{ organizations(limit: 500) {
  totalCount items { id provider name riskScore } unavailableProviders { provider code } } }`;

/** A client that asks for neither the total nor the problems. */
const BARE_QUERY = '{ organizations(limit: 500) { items { provider name } } }';

function errorsOf(response: GraphQLResponse<unknown>) {
  return (response.errors ?? []).map((e) => ({
    path: e.path,
    code: e.extensions?.code,
    provider: e.extensions?.provider,
  }));
}

describe('partial results through every router', () => {
  let orgraph: TestStack;
  let vendorRisk: RunningVendorRisk;
  const routers = new Map<string, RunningRouter>();
  /** Every organization when all providers answer, by provider. */
  let healthy: OrganizationsPage['organizations']['items'];
  /** The organization vendor-risk has assessed: one per provider. */
  const assessed = new Map<string, string>();

  beforeAll(async () => {
    orgraph = await startTestStack({
      configure: (config) => ({
        ...config,
        upstream: { ...config.upstream, timeoutMs: 2000, retries: 0 },
      }),
    });
    const all = await orgraph.query<OrganizationsPage>(PAGE_QUERY.replace(' riskScore', ''));
    healthy = all.data!.organizations.items;
    for (const provider of PROVIDERS) {
      assessed.set(provider, healthy.find((o) => o.provider === provider)!.id);
    }
    vendorRisk = await startVendorRisk({
      assessments: PROVIDERS.map((provider, index) => ({
        organizationId: assessed.get(provider)!,
        riskScore: 10 + index,
        riskNotes: [],
      })),
      watchlist: PROVIDERS.map((provider) => ({
        organizationId: assessed.get(provider)!,
        reason: `Watching ${provider}`,
      })),
    });
    const subgraphs = [
      { name: 'orgraph', url: orgraph.server.url },
      { name: 'vendor-risk', url: vendorRisk.url },
    ];
    for (const kind of ROUTER_KINDS) routers.set(kind, await startRouter(kind, subgraphs));
  });
  afterAll(async () => {
    for (const router of routers.values()) await router.stop();
    await vendorRisk?.stop();
    await orgraph?.stop();
  });
  beforeEach(() => orgraph.reset());

  function failing(provider: ProviderName) {
    const emulator = {
      CRUX: orgraph.emulators.crux,
      AUTH0: orgraph.emulators.auth0,
      DATADOG: orgraph.emulators.datadog,
    }[provider];
    emulator.setKnobs({ faults: [{ status: 503 }] });
  }

  describe.each(ROUTER_KINDS)('%s', (kind) => {
    const router = () => routers.get(kind)!;

    it.each(PROVIDERS)(
      "%s failing: the others' organizations, vendor-risk's scores, the problem as data and an error",
      async (provider) => {
        failing(provider);
        const response = await router().query<OrganizationsPage>(PAGE_QUERY);
        const page = response.data!.organizations;
        const others = healthy.filter((o) => o.provider !== provider);
        expect(page.items.map((o) => o.id)).toEqual(others.map((o) => o.id));
        // vendor-risk answered for the healthy organizations it assessed.
        expect(page.items.filter((o) => o.riskScore !== null).map((o) => o.id)).toEqual(
          others.filter((o) => assessed.get(o.provider) === o.id).map((o) => o.id),
        );
        expect(page.unavailableProviders).toEqual([{ provider, code: 'UPSTREAM_UNAVAILABLE' }]);
        expect(page.totalCount).toBeNull();
        expect(errorsOf(response)).toEqual([
          {
            path: ['organizations', 'totalCount'],
            code: 'UPSTREAM_UNAVAILABLE',
            provider,
          },
        ]);
      },
    );

    it('a client asking for neither totalCount nor unavailableProviders: the error where the router keeps it', async () => {
      failing('DATADOG');
      const response = await router().query<{ organizations: { items: unknown[] } }>(BARE_QUERY);
      expect(response.data!.organizations.items).toHaveLength(
        healthy.filter((o) => o.provider !== 'DATADOG').length,
      );
      // The page has no null for the error to point at: Hive's JavaScript planner drops it.
      const kept = { path: ['organizations'], code: 'UPSTREAM_UNAVAILABLE', provider: 'DATADOG' };
      expect(errorsOf(response)).toEqual(kind === 'hive-js' ? [] : [kept]);
    });

    it("an entity of a failing provider: null in the other subgraph's list, with its error", async () => {
      failing('CRUX');
      const response = await router().query<{
        watchlist: Array<{ reason: string; organization: { provider: string } | null }>;
      }>('{ watchlist { reason organization { provider name } } }');
      expect(response.data!.watchlist.map((w) => w.organization?.provider ?? null)).toEqual([
        null,
        'AUTH0',
        'DATADOG',
      ]);
      // Hive's JavaScript planner moves an entity's error down to the first field it selects.
      const path =
        kind === 'hive-js'
          ? ['watchlist', 0, 'organization', 'provider']
          : ['watchlist', 0, 'organization'];
      expect(errorsOf(response)).toEqual([
        { path, code: 'UPSTREAM_UNAVAILABLE', provider: 'CRUX' },
      ]);
    });

    it('half a Datadog key pair: BAD_USER_INPUT reaches the client intact, before any upstream call', async () => {
      const response = await router().query(
        '{ organizations(limit: 1) { items { name } } }',
        undefined,
        {
          'x-datadog-api-key': 'only-one-key',
        },
      );
      expect(response.status).toBe(200);
      expect(response.data ?? null).toBeNull();
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0].message).toBe(
        'Send both x-datadog-api-key and x-datadog-application-key, or neither',
      );
      expect(response.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      // @apollo/gateway passes the subgraph's request error on without a path; Hive puts it at the
      // root field the fetch was for.
      expect(response.errors![0].path).toEqual(
        kind === 'apollo-gateway' ? undefined : ['organizations'],
      );
      expect(upstreamCalls(orgraph.emulators).total).toBe(0);
    });

    it('Datadog rate limited: a connections page says so, its total unknown rather than 0', async () => {
      orgraph.emulators.datadog.setKnobs({ faults: [{ status: 429 }] });
      const response = await router().query<{
        connections: { totalCount: number | null; unavailableProviders: Problem[] };
      }>(
        '{ connections(filter: { providers: [DATADOG] }) { totalCount unavailableProviders { provider code } } }',
      );
      expect(response.data!.connections).toEqual({
        totalCount: null,
        unavailableProviders: [{ provider: 'DATADOG', code: 'UPSTREAM_RATE_LIMITED' }],
      });
      expect(errorsOf(response)).toEqual([
        {
          path: ['connections', 'totalCount'],
          code: 'UPSTREAM_RATE_LIMITED',
          provider: 'DATADOG',
        },
      ]);
    });

    it('two providers failing: both problems, as data and as errors', async () => {
      failing('CRUX');
      failing('DATADOG');
      const response = await router().query<OrganizationsPage>(PAGE_QUERY);
      const page = response.data!.organizations;
      expect(new Set(page.items.map((o) => o.provider))).toEqual(new Set(['AUTH0']));
      expect(page.unavailableProviders.map((p) => p.provider).sort()).toEqual(['CRUX', 'DATADOG']);
      expect(
        errorsOf(response)
          .map((e) => e.provider)
          .sort(),
      ).toEqual(['CRUX', 'DATADOG']);
    });
  });
});
