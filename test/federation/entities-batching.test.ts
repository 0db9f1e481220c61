import type { EntityType } from '../../src/model/global-id';
import { Provider } from '../../src/model/provider';
import {
  ENTITIES_QUERY,
  firstN,
  listQuery,
  NODES_QUERY,
  providerKey,
  representation,
  type EntityRow,
  type Key,
} from '../support/federation-entities';
import { postGraphQL } from '../support/federation-gateway';
import { startFederationStack, type FederationStack } from '../support/federation-stack';

type Calls = Record<string, number>;

const CRUX_CONNECTIONS = { 'GET /organizations/connections/': 1 };
const CRUX_USERS = { 'GET /organizations/users/all/': 1 };
const CRUX_PERMISSIONS = { 'GET /organizations/all_permissions/': 1 };
const AUTH0_ORGANIZATION = { 'GET /api/v2/organizations/:id': 1 };
/** Several organizations by id: the first offset page, which holds the first 100 of the 150. */
const AUTH0_FIRST_PAGE = { 'GET /api/v2/organizations': 1 };
/** One call per organization the objects belong to (Auth0 lists them per organization). */
const auth0PerOrganization = (
  route: 'connections' | 'members',
  [one, ten, hundred]: [number, number, number],
): [Calls, Calls, Calls] => {
  const calls = (count: number) => ({ [`GET /api/v2/organizations/:id/${route}`]: count });
  return [calls(one), calls(ten), calls(hundred)];
};
/** Roles are the tenant's: one by id, several from the role listing (4 roles: one page). */
const AUTH0_ROLE = { 'GET /api/v2/roles/:id': 1 };
const AUTH0_ROLES = { 'GET /api/v2/roles': 1 };
const DATADOG_LISTING = { 'GET /api/v2/org_connections': 1 };

const BOTH_KEYS: Key[] = ['id', 'provider nativeId'];
const ID: Key[] = ['id'];
const always = (calls: Calls): [Calls, Calls, Calls] => [calls, calls, calls];

/**
 * Upstream calls for `_entities` with the first 1, 10 and 100 objects of a type at a provider (in
 * list order; where a provider has fewer, the same objects repeat). Emulators at size 150: 151 Crux
 * organizations, 150 connections, 75 users, 8 permissions; 150 Auth0 organizations, 350
 * connections, 486 members, 4 roles; 142 Datadog orgs, 225 connections, 5 users.
 */
const TABLE: Array<[EntityType, Provider, Key[], [Calls, Calls, Calls]]> = [
  ['Organization', Provider.CRUX, BOTH_KEYS, always(CRUX_CONNECTIONS)],
  [
    'Organization',
    Provider.AUTH0,
    BOTH_KEYS,
    [AUTH0_ORGANIZATION, AUTH0_FIRST_PAGE, AUTH0_FIRST_PAGE],
  ],
  ['Organization', Provider.DATADOG, BOTH_KEYS, always(DATADOG_LISTING)],
  ['Connection', Provider.CRUX, ID, always(CRUX_CONNECTIONS)],
  // Auth0 lists connections per organization: one call per organization they belong to.
  ['Connection', Provider.AUTH0, ID, auth0PerOrganization('connections', [1, 5, 43])],
  ['Connection', Provider.DATADOG, ID, always(DATADOG_LISTING)],
  ['User', Provider.CRUX, ID, always(CRUX_USERS)],
  // Likewise members: one call per organization the memberships belong to.
  ['User', Provider.AUTH0, ID, auth0PerOrganization('members', [1, 3, 33])],
  ['User', Provider.DATADOG, ID, always(DATADOG_LISTING)],
  ['Permission', Provider.CRUX, BOTH_KEYS, always(CRUX_PERMISSIONS)],
  // Roles are the tenant's: one GET for one role, the role listing for several.
  ['Permission', Provider.AUTH0, BOTH_KEYS, [AUTH0_ROLE, AUTH0_ROLES, AUTH0_ROLES]],
];

const CASES = TABLE.flatMap(([type, provider, keys, calls]) =>
  keys.map((key) => [type, provider, key, calls] as const),
);

describe('_entities batching: representations cost what one query for the same objects costs', () => {
  let stack: FederationStack;
  const rowsOf = new Map<string, EntityRow[]>();

  beforeAll(async () => {
    stack = await startFederationStack({
      emulators: { size: 150 },
      vendorRisk: () => Promise.resolve({ assessments: [], watchlist: [] }),
    });
  });
  afterAll(() => stack?.stop());

  async function rows(type: EntityType, provider: Provider): Promise<EntityRow[]> {
    const name = `${type}:${provider}`;
    if (!rowsOf.has(name)) {
      const result = await stack.orgraph.query<{ list: { items: EntityRow[] } }>(
        listQuery(type, provider),
      );
      rowsOf.set(name, result.data!.list.items);
    }
    return rowsOf.get(name)!;
  }

  /** Upstream calls of one request to orgraph, all emulators' routes together. */
  async function callsOf(query: string, variables: Record<string, unknown>) {
    await stack.reset();
    const result = await postGraphQL<Record<string, Array<{ id: string } | null>>>(
      stack.orgraph.server.url,
      query,
      variables,
    );
    const { crux, auth0, datadog } = stack.calls();
    return { result, calls: { ...crux, ...auth0, ...datadog } };
  }

  describe.each(CASES)('%s at %s by "%s"', (type, provider, key, [one, ten, hundred]) => {
    it.each([
      [1, one],
      [10, ten],
      [100, hundred],
    ])(
      '%i representation(s): exactly the calls nodes(ids:) makes for the same objects',
      async (count, expected) => {
        const picked = firstN(await rows(type, provider), count);
        const representations = picked.map((row) => representation(type, row, key));

        const entities = await callsOf(ENTITIES_QUERY, { representations });
        expect(entities.result.errors).toBeUndefined();
        expect(entities.result.data!._entities.map((e) => e?.id)).toEqual(
          picked.map((row) => row.id),
        );
        expect(entities.calls).toEqual(expected);

        const nodes = await callsOf(NODES_QUERY, { ids: picked.map((row) => row.id) });
        expect(nodes.result.errors).toBeUndefined();
        expect(entities.calls).toEqual(nodes.calls);
      },
    );
  });

  it('the Auth0 counts above are one call per organization the picked objects belong to', async () => {
    for (const [type, counts] of [
      ['Connection', [1, 5, 43]],
      ['User', [1, 3, 33]],
    ] as const) {
      const all = await rows(type, Provider.AUTH0);
      const organizations = [1, 10, 100].map(
        (n) => new Set(firstN(all, n).map((row) => providerKey(row.id).split('/')[0])).size,
      );
      expect([type, organizations]).toEqual([type, counts]);
    }
  });

  it('through the gateway: 100 organizations of 3 providers are one orgraph fetch and 3 upstream calls', async () => {
    const picked = [
      ...firstN(await rows('Organization', Provider.CRUX), 34),
      ...firstN(await rows('Organization', Provider.AUTH0), 33),
      ...firstN(await rows('Organization', Provider.DATADOG), 33),
    ];
    stack.vendorRisk.data.watchlist = picked.map((row) => ({
      organizationId: row.id,
      reason: 'audit',
    }));
    await stack.reset();
    const result = await stack.gateway.query<{
      watchlist: Array<{ organization: { id: string; provider: Provider; nativeId: string } }>;
    }>('{ watchlist { organization { id provider nativeId } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.watchlist.map((w) => w.organization)).toEqual(picked);
    expect(stack.gateway.fetches().map((f) => [f.subgraph, f.representations])).toEqual([
      ['vendor-risk', 0],
      ['orgraph', 100],
    ]);
    expect(stack.calls()).toMatchObject({
      crux: CRUX_CONNECTIONS,
      auth0: AUTH0_FIRST_PAGE,
      datadog: DATADOG_LISTING,
      total: 3,
    });
  });
});
