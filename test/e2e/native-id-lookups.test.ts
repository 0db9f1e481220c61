import {
  startTestStack,
  upstreamCalls,
  type GraphQLResponse,
  type TestStack,
} from '../support/test-stack';

type Provider = 'CRUX' | 'AUTH0' | 'DATADOG';
type Field = 'organization' | 'connection' | 'user' | 'permission';

interface Listed {
  id: string;
  provider: Provider;
  nativeId: string;
}

/** What each lookup selects: enough to tell one object from another. */
const SELECTION: Record<Field, string> = {
  organization: '__typename id provider nativeId name',
  connection: '__typename id provider nativeId kind organizations { nativeId }',
  user: '__typename id provider nativeId name email',
  permission: '__typename id provider nativeId name description',
};

const ALL: Provider[] = ['CRUX', 'AUTH0', 'DATADOG'];

/** orgraph's global ID, as src/model/global-id.ts encodes it, for objects no provider has. */
const globalId = (type: string, provider: Provider, key: string) =>
  Buffer.from(JSON.stringify([type, provider, key]), 'utf8').toString('base64url');

/**
 * Lookups and filters by the providers' own ids, through real HTTP over the emulators: each answers
 * what the global ID answers, at the same upstream cost counted at the emulators, and bad input is
 * refused before any upstream call.
 */
describe('lookups and filters by native id', () => {
  let stack: TestStack;
  let listed: Record<Field, Listed[]>;

  beforeAll(async () => {
    stack = await startTestStack();
    const all = await run<Record<`${Field}s`, { items: Listed[] }>>(`{
      organizations(limit: 500) { items { id provider nativeId } }
      connections(limit: 500) { items { id provider nativeId } }
      users(limit: 500) { items { id provider nativeId } }
      permissions(limit: 500) { items { id provider nativeId } } }`);
    listed = {
      organization: all.organizations.items,
      connection: all.connections.items,
      user: all.users.items,
      permission: all.permissions.items,
    };
    // The server's Auth0 token is fetched once per process and survives reset(): it is in hand now.
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.reset());

  async function run<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await stack.query<T>(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

  /** A query from a cold start, with the upstream calls it cost. */
  async function cold<T>(query: string, variables?: Record<string, unknown>) {
    await stack.reset();
    const { data, errors } = await stack.query<T>(query, variables);
    const calls = upstreamCalls(stack.emulators);
    // Data and errors only: the response's `extensions` report timings, which may differ.
    return { result: { data, errors }, calls };
  }

  const byId = (field: Field) => `query($id: ID) { ${field}(id: $id) { ${SELECTION[field]} } }`;
  const byNative = (field: Field) =>
    `query($provider: Provider, $nativeId: String) {
      ${field}(provider: $provider, nativeId: $nativeId) { ${SELECTION[field]} } }`;

  function first(field: Field, provider: Provider): Listed {
    const found = listed[field].find((item) => item.provider === provider);
    expect([field, provider, found !== undefined]).toEqual([field, provider, true]);
    return found!;
  }

  function expectRefused(
    {
      result,
      calls,
    }: { result: Omit<GraphQLResponse<unknown>, 'status'>; calls: { total: number } },
    message: RegExp,
  ) {
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(message);
    expect(calls.total).toBe(0);
  }

  const found: Array<[Field, Provider]> = [
    ['organization', 'CRUX'],
    ['organization', 'AUTH0'],
    ['organization', 'DATADOG'],
    ['connection', 'CRUX'],
    ['connection', 'DATADOG'],
    ['user', 'CRUX'],
    ['user', 'DATADOG'],
    ['permission', 'CRUX'],
    ['permission', 'AUTH0'],
  ];

  it.each(found)(
    '%s at %s by native id: the object the global ID names, for the same upstream calls',
    async (field, provider) => {
      const object = first(field, provider);
      const global = await cold<Record<Field, Listed>>(byId(field), { id: object.id });
      const native = await cold<Record<Field, Listed>>(byNative(field), {
        provider,
        nativeId: object.nativeId,
      });
      expect(global.result.errors).toBeUndefined();
      expect(global.result.data![field]).toMatchObject(object);
      expect(native.result).toEqual(global.result);
      expect(global.calls.total).toBeGreaterThan(0);
      expect(native.calls).toEqual(global.calls);
    },
  );

  const missing: Array<[Field, Provider, string]> = [
    ['organization', 'CRUX', '00000000-0000-4000-8000-000000000000'],
    ['organization', 'AUTH0', 'org_doesnotexist00000'],
    ['organization', 'DATADOG', '00000000-0000-4000-8000-000000000000'],
    ['connection', 'CRUX', '00000000-0000-4000-8000-000000000000'],
    ['connection', 'DATADOG', '00000000-0000-4000-8000-000000000000'],
    ['user', 'CRUX', '00000000-0000-4000-8000-000000000000'],
    ['user', 'DATADOG', '00000000-0000-4000-8000-000000000000'],
    ['permission', 'CRUX', '00000000-0000-4000-8000-000000000000'],
    ['permission', 'AUTH0', 'rol_doesnotexist0000'],
    // Datadog has no permissions: null, as for its global ID.
    ['permission', 'DATADOG', 'anything'],
  ];

  it.each(missing)(
    '%s at %s: a native id the provider does not have is null, as by global ID, for the same calls',
    async (field, provider, nativeId) => {
      const type = field[0].toUpperCase() + field.slice(1);
      const global = await cold(byId(field), { id: globalId(type, provider, nativeId) });
      const native = await cold(byNative(field), { provider, nativeId });
      expect(global.result).toEqual({ data: { [field]: null } });
      expect(native.result).toEqual(global.result);
      expect(native.calls).toEqual(global.calls);
    },
  );

  it.each([
    ['connection', 'an Auth0 identity connection is one Connection per organization'],
    ['user', 'an Auth0 user is one User per organization membership'],
  ] as const)(
    'an Auth0 %s is refused by native id, saying why and what to use, with no upstream call',
    async (field, why) => {
      const object = first(field, 'AUTH0');
      const native = await cold(byNative(field), { provider: 'AUTH0', nativeId: object.nativeId });
      expectRefused(native, new RegExp(`${why}.*\\bid\\b.*organizationId`));
      expect(native.result.data).toEqual({ [field]: null });
    },
  );

  const badArgs: Array<[string, Record<string, unknown>, RegExp]> = [
    ['neither argument', {}, /needs `id`, or `provider` and `nativeId`/],
    [
      'both forms',
      { id: 'x', provider: 'CRUX', nativeId: 'x' },
      /either `id` or `provider` and `nativeId`, not both/,
    ],
    ['id with provider', { id: 'x', provider: 'CRUX' }, /not both/],
    ['provider alone', { provider: 'CRUX' }, /`provider` needs `nativeId`/],
    ['nativeId alone', { nativeId: 'x' }, /`nativeId` needs `provider`/],
    ['an empty nativeId', { provider: 'CRUX', nativeId: '' }, /nativeId is empty/],
    ['a nativeId too long', { provider: 'CRUX', nativeId: 'x'.repeat(257) }, /longer than 256/],
  ];

  it.each(badArgs)(
    '%s: BAD_USER_INPUT on every lookup, no upstream call',
    async (_, args, message) => {
      for (const field of ['organization', 'connection', 'user', 'permission'] as const) {
        const query = `query($id: ID, $provider: Provider, $nativeId: String) {
        ${field}(id: $id, provider: $provider, nativeId: $nativeId) { id } }`;
        expectRefused(await cold(query, args), message);
      }
    },
  );

  describe('filters', () => {
    const connectionsQuery = `query($filter: ConnectionFilter) {
      connections(filter: $filter, limit: 500) { totalCount items { id } } }`;
    const usersQuery = `query($filter: UserFilter) {
      users(filter: $filter, limit: 500) { totalCount items { id } } }`;

    /** The same filter with the organization's global ID and with its native id. */
    async function sameItems(
      query: string,
      filter: Record<string, unknown>,
      argument: string,
      org: Listed,
    ) {
      const global = await cold<Record<string, { items: unknown[] }>>(query, {
        filter: { ...filter, [argument]: org.id },
      });
      const native = await cold(query, { filter: { ...filter, [argument]: org.nativeId } });
      expect(global.result.errors).toBeUndefined();
      expect(native.result).toEqual(global.result);
      expect(native.calls).toEqual(global.calls);
      return global.result.data!;
    }

    /** A Datadog org that is a source, and one that is a sink, of some connection. */
    async function datadogEnds() {
      const data = await run<{
        connections: { items: Array<{ source: Listed; sink: Listed }> };
      }>(`{ connections(filter: { providers: [DATADOG] }, limit: 1) { items {
        source { id provider nativeId } sink { id provider nativeId } } } }`);
      return data.connections.items[0];
    }

    it('sourceOrganizationId and sinkOrganizationId take a Datadog org id: Datadog is implied', async () => {
      const { source, sink } = await datadogEnds();
      const from = await sameItems(connectionsQuery, {}, 'sourceOrganizationId', source);
      expect(from.connections.items.length).toBeGreaterThan(0);
      const to = await sameItems(connectionsQuery, {}, 'sinkOrganizationId', sink);
      expect(to.connections.items.length).toBeGreaterThan(0);
    });

    it.each([
      ['providers: [AUTH0]', 'AUTH0', { providers: ['AUTH0'] }],
      ['kind: IDENTITY', 'AUTH0', { kind: 'IDENTITY' }],
      ['enabled (Auth0 only)', 'AUTH0', { enabled: true }],
      ['providers: [CRUX]', 'CRUX', { providers: ['CRUX'] }],
      ['kind: RETAILER_SUPPLIER', 'CRUX', { kind: 'RETAILER_SUPPLIER' }],
      ['providers: [DATADOG]', 'DATADOG', { providers: ['DATADOG'] }],
      ['kind: ORG_DATA_SHARING', 'DATADOG', { kind: 'ORG_DATA_SHARING' }],
      [
        'providers: [CRUX, AUTH0] and kind: IDENTITY',
        'AUTH0',
        { providers: ['CRUX', 'AUTH0'], kind: 'IDENTITY' },
      ],
    ] as const)(
      'connections organizationId takes a native id when %s implies %s',
      async (_, provider, filter) => {
        // An organization with connections, so the comparison is not of two empty lists.
        const withConnections = await run<{
          organizations: { items: Array<Listed & { connections: { totalCount: number } }> };
        }>(
          `query($p: [Provider!]) { organizations(filter: { providers: $p }, limit: 500) {
            items { id provider nativeId connections { totalCount } } } }`,
          { p: [provider] },
        );
        const org = withConnections.organizations.items.find((o) => o.connections.totalCount > 0);
        expect(org).toBeDefined();
        const data = await sameItems(connectionsQuery, filter, 'organizationId', org!);
        expect(data.connections.items.length).toBeGreaterThan(0);
      },
    );

    it('users organizationId takes a native id when providers or Crux status implies one provider', async () => {
      const auth0 = await run<{
        organizations: { items: Array<Listed & { users: { totalCount: number } }> };
      }>(`{ organizations(filter: { providers: [AUTH0] }, limit: 500) {
        items { id provider nativeId users { totalCount } } } }`);
      const org = auth0.organizations.items.find((o) => o.users.totalCount > 0)!;
      const members = await sameItems(usersQuery, { providers: ['AUTH0'] }, 'organizationId', org);
      expect(members.users.items.length).toBeGreaterThan(0);

      // Crux lists the users of your own organization: the one whose users are not empty.
      const crux = await run<{
        organizations: { items: Array<Listed & { users: { totalCount: number } }> };
      }>(`{ organizations(filter: { providers: [CRUX] }, limit: 500) {
        items { id provider nativeId users { totalCount } } } }`);
      const own = crux.organizations.items.find((o) => o.users.totalCount > 0)!;
      const users = await sameItems(usersQuery, { status: 'ACTIVE' }, 'organizationId', own);
      expect(users.users.items.length).toBeGreaterThan(0);
    });

    it.each([
      ['connections', {}],
      ['connections', { providers: ['CRUX', 'AUTH0'] }],
      ['connections', { providers: ['CRUX'], kind: 'IDENTITY' }],
      ['users', {}],
      ['users', { providers: ['AUTH0', 'DATADOG'] }],
    ] as const)(
      '%s with %j: a native organizationId, no one provider implied, is BAD_USER_INPUT, no call',
      async (list, filter) => {
        const query = list === 'users' ? usersQuery : connectionsQuery;
        const org = first('organization', 'AUTH0');
        const refused = await cold(query, { filter: { ...filter, organizationId: org.nativeId } });
        expectRefused(refused, /^organizationId ".*" is not an orgraph global ID.*providers: \[/);
        expect(refused.result.errors?.[0].extensions?.argumentName).toBe('organizationId');
      },
    );

    it('a global ID of another type is still refused as one', async () => {
      const user = first('user', 'CRUX');
      const refused = await cold(connectionsQuery, {
        filter: { providers: ['CRUX'], organizationId: user.id },
      });
      expectRefused(refused, /is a User ID, not an? Organization ID/);
    });

    it('a global organizationId needs no provider named, at every provider', async () => {
      for (const provider of ALL) {
        const org = first('organization', provider);
        const data = await run<{ connections: { items: unknown[] } }>(connectionsQuery, {
          filter: { organizationId: org.id },
        });
        expect(Array.isArray(data.connections.items)).toBe(true);
      }
    });
  });
});
