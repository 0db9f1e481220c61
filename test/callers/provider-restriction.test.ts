import { upstreamCalls, type TestStack } from '../support/test-stack';
import { KEYS, startCallersStack } from './callers-stack';

const admin = { 'x-api-key': KEYS.admin };
const cruxOnly = { 'x-api-key': KEYS.cruxOnly };
const noOwn = { 'x-api-key': KEYS.noOwn };

/** A list field's page, as far as a query selects it. */
interface Page<Item> {
  totalCount: number;
  items: Item[];
}

/**
 * A caller restricted to some providers does not see the others (lists leave them out as if they were
 * not configured, and never call them); naming one gets FORBIDDEN. Provider credentials from a caller
 * not allowed to send them are refused before anything runs.
 */
describe('what an authenticated caller may use', () => {
  let stack: TestStack;
  let auth0OrgId: string;
  let cruxOrgId: string;
  let cruxCount: number;

  beforeAll(async () => {
    stack = await startCallersStack();
    const { data } = await stack.query<{
      auth0: Pick<Page<{ id: string }>, 'items'>;
      crux: Page<{ id: string }>;
    }>(
      `{ auth0: organizations(filter: { providers: [AUTH0] }, limit: 1) { items { id } }
         crux: organizations(filter: { providers: [CRUX] }, limit: 1) { totalCount items { id } } }`,
      undefined,
      admin,
    );
    auth0OrgId = data!.auth0.items[0].id;
    cruxOrgId = data!.crux.items[0].id;
    cruxCount = data!.crux.totalCount;
  });
  afterAll(() => stack?.stop());
  beforeEach(() => stack.reset());

  function codes(result: {
    errors?: Array<{ path?: unknown[]; extensions?: Record<string, unknown> }>;
  }) {
    return (result.errors ?? []).map((e) => [e.path, e.extensions?.code, e.extensions?.provider]);
  }

  it("lists only a Crux-only caller's provider, and never call the others", async () => {
    const result = await stack.query<{
      organizations: Page<{ provider: string }>;
      providers: Array<{ provider: string; enabled: boolean }>;
    }>(
      '{ organizations(limit: 500) { totalCount items { provider } } providers { provider enabled } }',
      undefined,
      cruxOnly,
    );
    expect(result.errors).toBeUndefined();
    const { organizations, providers } = result.data!;
    expect(organizations.totalCount).toBe(cruxCount);
    expect(organizations.items).toHaveLength(cruxCount);
    expect(new Set(organizations.items.map((o) => o.provider))).toEqual(new Set(['CRUX']));
    expect(providers).toEqual([
      { provider: 'CRUX', enabled: true },
      { provider: 'AUTH0', enabled: false },
      { provider: 'DATADOG', enabled: false },
    ]);
    const calls = upstreamCalls(stack.emulators);
    expect(calls.auth0).toEqual({});
    expect(calls.datadog).toEqual({});
    expect(calls.total).toBeGreaterThan(0);
  });

  it('answers FORBIDDEN for an ID of a provider the caller may not use, and keeps its own', async () => {
    const result = await stack.query(
      `query($auth0: ID!, $ids: [ID!]!) {
         organization(id: $auth0) { name }
         nodes(ids: $ids) { id } }`,
      { auth0: auth0OrgId, ids: [cruxOrgId, auth0OrgId] },
      cruxOnly,
    );
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ organization: null, nodes: [{ id: cruxOrgId }, null] });
    expect(codes(result)).toEqual([
      [['organization'], 'FORBIDDEN', 'AUTH0'],
      [['nodes', 1], 'FORBIDDEN', 'AUTH0'],
    ]);
    expect(result.errors![0].message).toBe('Provider AUTH0 is not available to this caller');
    expect(upstreamCalls(stack.emulators).auth0).toEqual({});
  });

  it.each([
    [
      'by name',
      '{ organizations(filter: { providers: [CRUX, DATADOG] }) { totalCount } }',
      'DATADOG',
    ],
    ['by its own filter', '{ connections(filter: { kind: IDENTITY }) { totalCount } }', 'AUTH0'],
    ['by an ID', `{ users(filter: { organizationId: "%AUTH0%" }) { totalCount } }`, 'AUTH0'],
  ])(
    'answers FORBIDDEN for a filter naming a provider the caller may not use (%s)',
    async (_how, query, provider) => {
      const result = await stack.query(query.replace('%AUTH0%', auth0OrgId), undefined, cruxOnly);
      // Root lists are non-null: the error nulls the data, as bad input does.
      expect(result.data).toBeNull();
      expect(codes(result).map(([, code, p]) => [code, p])).toEqual([['FORBIDDEN', provider]]);
      const calls = upstreamCalls(stack.emulators);
      expect(calls.total).toBe(0);
    },
  );

  it("answers a filter of the caller's own provider", async () => {
    const result = await stack.query<{ connections: { totalCount: number } }>(
      '{ connections(filter: { kind: RETAILER_SUPPLIER }, limit: 1) { totalCount } }',
      undefined,
      cruxOnly,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.connections.totalCount).toBeGreaterThan(0);
  });

  it('lets a caller allowed its own credentials send them for its providers', async () => {
    const secondCrux = stack.emulators.secondTenantHeaders['x-crux-token'];
    const result = await stack.query<{ organizations: { items: Array<{ provider: string }> } }>(
      '{ organizations(limit: 1) { items { provider } } }',
      undefined,
      { ...cruxOnly, 'x-crux-token': secondCrux },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.organizations.items).toEqual([{ provider: 'CRUX' }]);
    // Crux saw the caller's tenant, not the server's.
    const crux = stack.emulators.crux.counter;
    expect(crux.count()).toBeGreaterThan(0);
    expect(crux.countForTenant(stack.emulators.crux.secondTenant.name)).toBe(crux.count());
  });

  it("refuses (403, before anything runs) a caller's credentials for a provider it may not use", async () => {
    const result = await stack.query('{ organizations { totalCount } }', undefined, {
      ...cruxOnly,
      'x-auth0-token': stack.emulators.secondTenantHeaders['x-auth0-token'],
    });
    expect(result.status).toBe(403);
    expect(result.data).toBeUndefined();
    expect(codes(result)).toEqual([[undefined, 'FORBIDDEN', 'AUTH0']]);
    expect(upstreamCalls(stack.emulators).total).toBe(0);
  });

  it('refuses (403, before anything runs) provider credentials from a caller not allowed its own', async () => {
    const token = stack.emulators.secondTenantHeaders['x-crux-token'];
    const result = await stack.query('{ organizations { totalCount } }', undefined, {
      ...noOwn,
      'x-crux-token': token,
    });
    expect(result.status).toBe(403);
    expect(result.errors).toEqual([
      {
        message: 'This caller may not send its own provider credentials (x-crux-token)',
        extensions: { code: 'FORBIDDEN' },
      },
    ]);
    expect(JSON.stringify(result)).not.toContain(token);
    expect(upstreamCalls(stack.emulators).total).toBe(0);

    // Without them, the same caller reads with the server's credentials.
    const plain = await stack.query<{ organizations: { totalCount: number } }>(
      '{ organizations(limit: 1) { totalCount } }',
      undefined,
      noOwn,
    );
    expect(plain.errors).toBeUndefined();
    expect(plain.data!.organizations.totalCount).toBeGreaterThan(cruxCount);
  });
});
