import { performance } from 'node:perf_hooks';
import { encodeGlobalId } from '../../src/model/global-id';
import { Provider } from '../../src/model/provider';
import { membershipKey } from '../../src/providers/auth0/auth0-keys';
import { ENTITIES_QUERY } from '../support/federation-entities';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';

/**
 * The request call budget over real HTTP: a request that needs more upstream calls than its budget
 * gets what the budget paid for and UPSTREAM_BUDGET_EXCEEDED for the rest, and the provider is spared
 * the rest. Auth0 lists connections and members per organization, so objects of distinct organizations
 * cost one call each: 1,000 of them need 1,000 calls. Nothing refuses such a query earlier (no cost or
 * depth limit reaches it), so the budget is what stops it.
 */

const BUDGET = 300;
const DEADLINE_MS = 15_000;
/** Organizations per tenant at the emulators: enough for 2,000 objects of distinct organizations. */
const SIZE = 2000;
const CONNECTIONS_ROUTE = 'GET /api/v2/organizations/:id/connections';
const MEMBERS_ROUTE = 'GET /api/v2/organizations/:id/members';
const TOKEN_ROUTE = 'POST /oauth/token';

type Nodes = Record<string, Array<{ id: string } | null>>;

/** `a0: nodes(ids: $a0) ... a9: nodes(ids: $a9)`. */
function aliasedNodesQuery(aliases: number): string {
  const names = Array.from({ length: aliases }, (_, i) => `a${i}`);
  return `query(${names.map((n) => `$${n}: [ID!]!`).join(', ')}) {
    ${names.map((n) => `${n}: nodes(ids: $${n}) { id }`).join('\n    ')} }`;
}

/** Every error's path and code, by path. */
function errorsByPath(result: GraphQLResponse<unknown>) {
  return new Map(
    (result.errors ?? []).map((e) => [
      JSON.stringify(e.path),
      [e.extensions?.code, e.extensions?.provider],
    ]),
  );
}

const measured: Record<string, unknown> = {};

describe('request call budget', () => {
  let stack: TestStack;
  /** One Auth0 connection and one member of each organization, as global ids, in organization order. */
  let connectionIds: string[];
  let userIds: string[];

  beforeAll(async () => {
    stack = await startTestStack({
      emulators: { size: SIZE },
      configure: (config) => ({
        ...config,
        economy: { ...config.economy, requestCallBudget: BUDGET, requestDeadlineMs: DEADLINE_MS },
      }),
    });
    const data = stack.emulators.auth0.data;
    connectionIds = data.organizations.map((org) => {
      const connection = data.organizationConnections[org.id][0];
      return encodeGlobalId(
        'Connection',
        Provider.AUTH0,
        membershipKey(org.id, connection.connection_id),
      );
    });
    userIds = data.organizations.map((org) => {
      const member = data.memberships[org.id][0];
      return encodeGlobalId('User', Provider.AUTH0, membershipKey(org.id, member.user_id));
    });
    // The server's Auth0 token is fetched once per process: before anything is counted.
    await stack.query('{ organizations(filter: { providers: [AUTH0] }, limit: 1) { totalCount } }');
  });
  afterAll(async () => {
    console.log(`budget.test measured: ${JSON.stringify(measured)}`);
    await stack?.stop();
  });
  beforeEach(() => stack.reset());

  /** Auth0 API calls since the reset (its token endpoint is the server's, paid by no request). */
  const auth0Calls = () => {
    const counter = stack.emulators.auth0.counter;
    return counter.count() - counter.count(TOKEN_ROUTE);
  };
  const otherCalls = () =>
    stack.emulators.crux.counter.count() + stack.emulators.datadog.counter.count();

  async function timedQuery<T>(text: string, variables: Record<string, unknown>) {
    const start = performance.now();
    const result = await stack.query<T>(text, variables);
    return { result, ms: Math.round(performance.now() - start) };
  }

  it('within the budget: 200 objects of 200 organizations, every one fetched, calls as the emulator counted', async () => {
    const ids = connectionIds.slice(0, 200);
    const { result } = await timedQuery<Nodes>(aliasedNodesQuery(2), {
      a0: ids.slice(0, 100),
      a1: ids.slice(100, 200),
    });
    expect(result.errors).toBeUndefined();
    expect([...result.data!.a0, ...result.data!.a1].map((n) => n?.id)).toEqual(ids);
    expect(stack.emulators.auth0.counter.byRoute()).toEqual({ [CONNECTIONS_ROUTE]: 200 });
    expect((result.extensions!.upstream as { calls: number }).calls).toBe(auth0Calls());
  });

  it('10 aliases of nodes(ids:) over 1,000 organizations stop at the budget: the rest null with UPSTREAM_BUDGET_EXCEEDED, never asked of Auth0', async () => {
    const ids = connectionIds.slice(0, 1000);
    const variables = Object.fromEntries(
      Array.from({ length: 10 }, (_, i) => [`a${i}`, ids.slice(i * 100, (i + 1) * 100)]),
    );
    const { result, ms } = await timedQuery<Nodes>(aliasedNodesQuery(10), variables);

    expect(result.status).toBe(200);
    // Exactly the budget reached Auth0, one connections listing per organization; nothing else.
    expect(stack.emulators.auth0.counter.byRoute()).toEqual({ [CONNECTIONS_ROUTE]: BUDGET });
    expect(otherCalls()).toBe(0);
    expect((result.extensions!.upstream as { calls: number }).calls).toBe(auth0Calls());

    const errors = errorsByPath(result);
    let fetched = 0;
    for (let alias = 0; alias < 10; alias += 1) {
      const nodes = result.data![`a${alias}`];
      expect(nodes).toHaveLength(100);
      nodes.forEach((node, index) => {
        const path = JSON.stringify([`a${alias}`, index]);
        if (node) {
          fetched += 1;
          expect(node.id).toBe(variables[`a${alias}`][index]);
          expect(errors.has(path)).toBe(false);
        } else {
          expect(errors.get(path)).toEqual(['UPSTREAM_BUDGET_EXCEEDED', 'AUTH0']);
        }
      });
    }
    expect(fetched).toBe(BUDGET);
    expect(result.errors).toHaveLength(1000 - BUDGET);
    expect(result.errors![0].message).toBe(
      `This request reached its budget of ${BUDGET} upstream calls; Auth0 was not asked for the rest. Ask for fewer objects or smaller pages.`,
    );
    expect(ms).toBeLessThan(DEADLINE_MS);
    measured.nodes = { requestMs: ms, auth0Calls: auth0Calls(), fetched, refused: 1000 - fetched };
  });

  it('_entities with 2,000 representations (connections and members of 2,000 organizations) stops at the budget the same way', async () => {
    // Alternately a connection and a member, each of its own organization.
    const representations = Array.from({ length: 2000 }, (_, i) =>
      i % 2 === 0
        ? { __typename: 'Connection', id: connectionIds[i] }
        : { __typename: 'User', id: userIds[i] },
    );
    const { result, ms } = await timedQuery<{ _entities: Array<{ id: string } | null> }>(
      ENTITIES_QUERY,
      { representations },
    );

    expect(result.status).toBe(200);
    // Exactly the budget reached Auth0, in connections and members listings, one per organization
    // (which objects the budget paid for is the order the loaders ran in).
    const byRoute = stack.emulators.auth0.counter.byRoute();
    expect((byRoute[CONNECTIONS_ROUTE] ?? 0) + (byRoute[MEMBERS_ROUTE] ?? 0)).toBe(BUDGET);
    expect(auth0Calls()).toBe(BUDGET);
    expect(otherCalls()).toBe(0);
    expect((result.extensions!.upstream as { calls: number }).calls).toBe(auth0Calls());

    const entities = result.data!._entities;
    expect(entities).toHaveLength(2000);
    const errors = errorsByPath(result);
    let fetched = 0;
    entities.forEach((entity, index) => {
      const path = JSON.stringify(['_entities', index]);
      if (entity) {
        fetched += 1;
        expect(entity.id).toBe(representations[index].id);
        expect(errors.has(path)).toBe(false);
      } else {
        expect(errors.get(path)).toEqual(['UPSTREAM_BUDGET_EXCEEDED', 'AUTH0']);
      }
    });
    expect(fetched).toBe(BUDGET);
    expect(result.errors).toHaveLength(2000 - BUDGET);
    expect(ms).toBeLessThan(DEADLINE_MS);
    measured.entities = {
      requestMs: ms,
      auth0Calls: auth0Calls(),
      byRoute,
      fetched,
      refused: 2000 - fetched,
    };
  });
});
