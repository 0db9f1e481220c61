import { restGet } from '../support/rest-get';
import { startTestStack, type TestStack } from '../support/test-stack';

/** A page of a list field, as far as these queries select it. */
interface Items<Item> {
  items: Item[];
}

/**
 * Batching is the point: for each nested query, the fewest upstream calls the REST APIs allow, asserted
 * exactly from the emulators' request counters. Default seed and size: 13 Crux organizations (yours and
 * 12 partners), 12 Auth0 organizations, 12 Datadog orgs and 18 org connections.
 */
describe('upstream calls per query', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
    // The server's Auth0 token is fetched once per process (then renewed); fetch it before counting.
    await stack.query('{ organizations(filter: { providers: [AUTH0] }, limit: 1) { totalCount } }');
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.reset());

  const counts = () => ({
    crux: stack.emulators.crux.counter.byRoute(),
    auth0: stack.emulators.auth0.counter.byRoute(),
    datadog: stack.emulators.datadog.counter.byRoute(),
  });

  /** The data of a query that must not fail, typed as the query selects it. */
  async function run<T>(query: string, variables?: Record<string, unknown>) {
    const result = await stack.query<T>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  it('Crux: organizations → connections → both parties → their connections: 1 call', async () => {
    const data = await run<{ organizations: Items<unknown> }>(`{
      organizations(filter: { providers: [CRUX] }, limit: 100) { items { name
        connections(limit: 20) { items { status accountManager { uuid }
          retailer { organization { name } }
          supplier { contact { email } organization { connections { totalCount } } } } } } } }`);
    expect(data.organizations.items).toHaveLength(13);
    // The unpaged list names every organization and connection: the minimum is that one call.
    expect(counts()).toEqual({
      crux: { 'GET /organizations/connections/': 1 },
      auth0: {},
      datadog: {},
    });
  });

  it('Crux: users → permissions → holders → organizations → users: 2 calls', async () => {
    const data = await run<{ users: Items<unknown> }>(`{
      users(filter: { providers: [CRUX] }) { items { name
        permissions { name users { name organizations { name users(limit: 1) { totalCount } } } }
        organizations { name } } } }`);
    expect(data.users.items.length).toBeGreaterThan(0);
    // users/all for users and assignments; /organizations/ because only it says which org is yours.
    expect(counts()).toEqual({
      crux: { 'GET /organizations/users/all/': 1, 'GET /organizations/': 1 },
      auth0: {},
      datadog: {},
    });
  });

  it('Datadog: connections → source → its connections → sink, and creators → their connections: 1 call', async () => {
    const data = await run<{ connections: Items<unknown> }>(`{
      connections(filter: { providers: [DATADOG] }, limit: 500) { items { id
        source { name connections(limit: 500) { items { sink { name } } } }
        createdBy { name createdConnections { id } } } } }`);
    expect(data.connections.items).toHaveLength(18);
    expect(counts()).toEqual({
      crux: {},
      auth0: {},
      datadog: { 'GET /api/v2/org_connections': 1 },
    });
  });

  it('Auth0: organizations → connections → organization: 1 listing + 1 call per organization', async () => {
    const data = await run<{ organizations: Items<unknown> }>(`{
      organizations(filter: { providers: [AUTH0] }, limit: 100) { items { displayName
        connections(limit: 20) { items { identityConnection { name } organizations { name } } } } } }`);
    expect(data.organizations.items).toHaveLength(12);
    // Auth0 lists an organization's connections per organization only: 1 + 12 is the minimum.
    expect(counts()).toEqual({
      crux: {},
      auth0: { 'GET /api/v2/organizations': 1, 'GET /api/v2/organizations/:id/connections': 12 },
      datadog: {},
    });
  });

  it('Auth0: one organization with connections, members, roles and role descriptions: 4 calls', async () => {
    const { auth0 } = stack.emulators;
    const headers = { authorization: `Bearer ${auth0.credentials.token}` };
    const orgs = (await restGet(
      auth0.url,
      '/api/v2/organizations?per_page=100',
      headers,
    )) as Array<{
      id: string;
    }>;
    // An organization whose members hold at least two distinct roles.
    let chosen: string | undefined;
    for (const org of orgs) {
      const members = (await restGet(
        auth0.url,
        `/api/v2/organizations/${org.id}/members?fields=user_id,roles&include_fields=true`,
        headers,
      )) as Array<{ roles?: Array<{ id: string }> }>;
      if (new Set(members.flatMap((m) => (m.roles ?? []).map((r) => r.id))).size >= 2) {
        chosen = org.id;
        break;
      }
    }
    expect(chosen).toBeDefined();
    await stack.reset();
    const id = Buffer.from(JSON.stringify(['Organization', 'AUTH0', chosen!])).toString(
      'base64url',
    );
    const data = await run<{
      organization: { users: Items<{ permissions: Array<{ description: string }> }> };
    }>(
      `query($id: ID!) { organization(id: $id) { name
        connections { items { identityConnection { strategy } } }
        users { items { name permissions { name description } } } } }`,
      { id },
    );
    const described = data.organization.users.items.flatMap((u) => u.permissions);
    expect(described.length).toBeGreaterThan(1);
    expect(described.every((p) => p.description.length > 0)).toBe(true);
    // Member listings name roles without descriptions: one role listing describes them all.
    expect(counts()).toEqual({
      crux: {},
      auth0: {
        'GET /api/v2/organizations/:id': 1,
        'GET /api/v2/organizations/:id/connections': 1,
        'GET /api/v2/organizations/:id/members': 1,
        'GET /api/v2/roles': 1,
      },
      datadog: {},
    });
  });

  it('Auth0: one role by ID costs one GET, all roles one listing', async () => {
    const list = await run<{ permissions: Items<{ id: string; description: string }> }>(
      `{ permissions(filter: { providers: [AUTH0] }) { items { id description } } }`,
    );
    expect(counts().auth0).toEqual({ 'GET /api/v2/roles': 1 });
    await stack.reset();
    const role = await run<{ node: { description: string } }>(
      `query($id: ID!) { node(id: $id) { ... on Permission { name description } } }`,
      {
        id: list.permissions.items[0].id,
      },
    );
    expect(role.node.description).toBe(list.permissions.items[0].description);
    expect(counts().auth0).toEqual({ 'GET /api/v2/roles/:id': 1 });
  });

  it('nodes: 10 Auth0 organizations by ID cost one first page, one organization costs one GET', async () => {
    const list = await run<{ organizations: Items<{ id: string }> }>(
      `{ organizations(filter: { providers: [AUTH0] }, limit: 10) { items { id } } }`,
    );
    const ids = list.organizations.items.map((o) => o.id);
    await stack.reset();
    const many = await run<{ nodes: Array<{ id: string }> }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Organization { displayName } } }`,
      { ids },
    );
    expect(many.nodes.map((n) => n.id)).toEqual(ids);
    expect(counts().auth0).toEqual({ 'GET /api/v2/organizations': 1 });

    await stack.reset();
    await run(`query($id: ID!) { node(id: $id) { id } }`, { id: ids[0] });
    expect(counts().auth0).toEqual({ 'GET /api/v2/organizations/:id': 1 });
  });

  it('everything: all organizations → connections → organizations → connections: 15 calls', async () => {
    const data = await run<{ organizations: { totalCount: number } }>(`{
      organizations(limit: 100) { totalCount items { provider
        connections(limit: 20) { items { organizations { name connections(limit: 1) { totalCount } } } } } } }`);
    expect(data.organizations.totalCount).toBe(13 + 12 + 12);
    expect(counts()).toEqual({
      crux: { 'GET /organizations/connections/': 1 },
      auth0: { 'GET /api/v2/organizations': 1, 'GET /api/v2/organizations/:id/connections': 12 },
      datadog: { 'GET /api/v2/org_connections': 1 },
    });
  });

  it('a Datadog connection by ID and its orgs: 1 call', async () => {
    const list = await run<{ connections: Items<{ id: string }> }>(
      `{ connections(filter: { providers: [DATADOG] }, limit: 1) { items { id } } }`,
    );
    await stack.reset();
    await run(
      `query($id: ID!) { connection(id: $id) { source { name } sink { name } createdBy { name } } }`,
      {
        id: list.connections.items[0].id,
      },
    );
    expect(counts().datadog).toEqual({ 'GET /api/v2/org_connections': 1 });
  });
});
