import { startTestStack, type TestStack } from '../support/test-stack';

const ORGS_QUERY = `{ organizations(limit: 500) {
  totalCount items { provider name }
  unavailableProviders { provider code message retryAfterSeconds answeredInPart } } }`;

interface ProviderProblem {
  provider: string;
  code: string;
  message: string;
  retryAfterSeconds: number | null;
  answeredInPart: boolean;
}

/** What ORGS_QUERY selects. */
interface OrganizationsData {
  organizations: {
    totalCount: number;
    items: Array<{ provider: string; name: string }>;
    unavailableProviders: ProviderProblem[];
  };
}

/** A list field's items, as far as a query selects them. */
interface Items<Item> {
  items: Item[];
}

function codesOf(result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) {
  return (result.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.provider]);
}

/** Bad input and failing providers, over real HTTP: clear errors with codes, and partial results. */
describe('errors', () => {
  let stack: TestStack;
  const secrets: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack({
      configure: (config) => ({
        ...config,
        upstream: { ...config.upstream, timeoutMs: 500, retries: 1, maxRetryDelayMs: 200 },
      }),
    });
    const { crux, auth0, datadog } = stack.emulators;
    secrets.push(
      crux.credentials.token,
      auth0.credentials.clientSecret,
      datadog.credentials.apiKey,
      datadog.credentials.appKey,
    );
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.reset());

  /** Every response of this suite goes through here: no secret and no stack trace, ever. */
  async function query<T = Record<string, unknown>>(
    text: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) {
    const result = await stack.query<T>(text, variables, headers);
    const serialized = JSON.stringify(result);
    for (const secret of secrets) expect(serialized).not.toContain(secret);
    expect(serialized).not.toMatch(/stacktrace|\.ts:\d+|at [A-Za-z.]+ \(/);
    return result;
  }

  describe('bad input', () => {
    it.each([
      ['not base64 at all', 'not an id!'],
      ['base64 of garbage', Buffer.from('hello').toString('base64url')],
      ['an unknown provider', Buffer.from('["Organization","ACME","x"]').toString('base64url')],
    ])('rejects a malformed ID (%s) with BAD_USER_INPUT', async (_name, id) => {
      const result = await query('query($id: ID!) { organization(id: $id) { name } }', { id });
      expect(result.data).toEqual({ organization: null });
      expect(codesOf(result)).toEqual([['BAD_USER_INPUT', undefined]]);
      expect(result.errors![0].message).toMatch(/Malformed ID/);
    });

    it('rejects an ID of another type with BAD_USER_INPUT', async () => {
      const id = Buffer.from('["Connection","CRUX","abc"]').toString('base64url');
      const result = await query('query($id: ID!) { organization(id: $id) { name } }', { id });
      expect(codesOf(result)).toEqual([['BAD_USER_INPUT', undefined]]);
      expect(result.errors![0].message).toMatch(/is a Connection ID, not a Organization ID/);
    });

    it.each([
      ['limit 0', 'limit: 0', /limit must be between 1 and 500/],
      ['limit 501', 'limit: 501', /limit must be between 1 and 500/],
      ['offset -1', 'offset: -1', /offset must be 0 or more/],
    ])('rejects paging out of range (%s) with BAD_USER_INPUT', async (_name, args, message) => {
      const result = await query(`{ connections(${args}) { totalCount } }`);
      expect(codesOf(result)).toEqual([['BAD_USER_INPUT', undefined]]);
      expect(result.errors![0].message).toMatch(message);
      expect(stack.emulators.crux.counter.count()).toBe(0);
    });

    it('rejects more than 100 IDs in nodes', async () => {
      const ids = Array.from({ length: 101 }, (_, i) => `id${i}`);
      const result = await query('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
      expect(codesOf(result)).toEqual([['BAD_USER_INPUT', undefined]]);
    });

    it('rejects an unknown field and a wrong argument type before any upstream call', async () => {
      const unknown = await query('{ organizations { items { salary } } }');
      expect(unknown.status).toBe(400);
      expect(codesOf(unknown)).toEqual([['GRAPHQL_VALIDATION_FAILED', undefined]]);
      const wrongType = await query('{ organizations(limit: "ten") { totalCount } }');
      expect(codesOf(wrongType)).toEqual([['GRAPHQL_VALIDATION_FAILED', undefined]]);
      expect(stack.emulators.crux.counter.count() + stack.emulators.auth0.counter.count()).toBe(0);
    });

    it('rejects a query nested deeper than 15 levels before any upstream call', async () => {
      let selection = 'totalCount';
      for (let i = 0; i < 5; i += 1)
        selection = `items { organizations { connections { ${selection} } } }`;
      const result = await query(`{ organizations { items { connections { ${selection} } } } }`);
      expect(codesOf(result)).toEqual([['GRAPHQL_VALIDATION_FAILED', undefined]]);
      expect(result.errors![0].message).toBe('Query depth limit of 15 exceeded, found 19.');
      expect(stack.emulators.crux.counter.count()).toBe(0);
    });

    it('answers a body that is not JSON with a GraphQL-shaped 400, not an HTML stack trace', async () => {
      const response = await fetch(stack.server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": "{ providers { provider } }"',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const body: unknown = await response.json();
      expect(body).toEqual({
        errors: [
          { message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } },
        ],
      });
    });
  });

  describe('a failing provider leaves the others in the response', () => {
    it('Datadog down (503 on every try): Crux and Auth0 organizations, and an UPSTREAM_UNAVAILABLE error', async () => {
      stack.emulators.datadog.setKnobs({ faults: [{ status: 503 }] });
      const result = await query<OrganizationsData>(ORGS_QUERY);
      const providers = new Set(result.data?.organizations.items.map((o) => o.provider));
      expect(providers).toEqual(new Set(['CRUX', 'AUTH0']));
      expect(result.data?.organizations.items).toHaveLength(13 + 12);
      // The total is unknown without Datadog's: null, with the error pointing at it (routers keep
      // an error that points at a null; Hive Gateway's JavaScript planner drops one on data).
      expect(result.data?.organizations.totalCount).toBeNull();
      expect(codesOf(result)).toEqual([['UPSTREAM_UNAVAILABLE', 'DATADOG']]);
      expect(result.errors![0].path).toEqual(['organizations', 'totalCount']);
      expect(result.errors![0].message).toBe('Datadog is unavailable (503)');
      expect(result.data?.organizations.unavailableProviders).toEqual([
        {
          provider: 'DATADOG',
          code: 'UPSTREAM_UNAVAILABLE',
          message: 'Datadog is unavailable (503)',
          retryAfterSeconds: null,
          answeredInPart: false,
        },
      ]);
      // One try and one retry, then the error.
      expect(stack.emulators.datadog.counter.count()).toBe(2);
    });

    it('Auth0 rate limited: UPSTREAM_RATE_LIMITED with the wait Auth0 asked for', async () => {
      stack.emulators.auth0.setKnobs({ rateLimit: { limit: 0, periodSeconds: 60 } });
      const result = await query<OrganizationsData>(ORGS_QUERY);
      expect(codesOf(result)).toEqual([['UPSTREAM_RATE_LIMITED', 'AUTH0']]);
      const retryAfter = result.errors![0].extensions!.retryAfterSeconds as number;
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(61);
      expect(result.data?.organizations.unavailableProviders).toEqual([
        expect.objectContaining({
          provider: 'AUTH0',
          code: 'UPSTREAM_RATE_LIMITED',
          retryAfterSeconds: retryAfter,
        }),
      ]);
      expect(result.data?.organizations.items.some((o) => o.provider === 'CRUX')).toBe(true);
    });

    it('a page that does not ask for totalCount: the error points at the page', async () => {
      stack.emulators.datadog.setKnobs({ faults: [{ status: 503 }] });
      const result = await query<{ organizations: Items<{ provider: string }> }>(
        '{ organizations(limit: 500) { items { provider } } }',
      );
      expect(result.data?.organizations.items).toHaveLength(13 + 12);
      expect(codesOf(result)).toEqual([['UPSTREAM_UNAVAILABLE', 'DATADOG']]);
      expect(result.errors![0].path).toEqual(['organizations']);
    });

    it('Crux timing out: UPSTREAM_UNAVAILABLE, no hang, other providers answered', async () => {
      stack.emulators.crux.setKnobs({ faults: [{ timeout: true }] });
      const result = await query<OrganizationsData>(ORGS_QUERY);
      expect(codesOf(result)).toEqual([['UPSTREAM_UNAVAILABLE', 'CRUX']]);
      expect(result.errors![0].message).toBe('Crux Connect did not answer in time');
      expect(result.data?.organizations.items.some((o) => o.provider === 'DATADOG')).toBe(true);
    });

    it('Datadog breaking its contract: UPSTREAM_BAD_RESPONSE', async () => {
      stack.emulators.datadog.setKnobs({ faults: [{ malformed: 'shape' }] });
      const shape = await query<OrganizationsData>(ORGS_QUERY);
      expect(codesOf(shape)).toEqual([['UPSTREAM_BAD_RESPONSE', 'DATADOG']]);
      await stack.reset();
      stack.emulators.datadog.setKnobs({ faults: [{ malformed: 'truncated' }] });
      const truncated = await query<OrganizationsData>(ORGS_QUERY);
      expect(codesOf(truncated)).toEqual([['UPSTREAM_BAD_RESPONSE', 'DATADOG']]);
      expect(truncated.errors![0].message).toBe('Datadog sent a body that is not valid JSON');
    });

    it('a nested field failing nulls that field only, with the error at its path', async () => {
      stack.emulators.crux.setKnobs({
        faults: [{ route: 'GET /organizations/users/all/', status: 500 }],
      });
      const result = await query<{
        organizations: Items<{
          name: string;
          users: { totalCount: number } | null;
          connections: { totalCount: number };
        }>;
      }>(`{ organizations(filter: { providers: [CRUX] }, limit: 500) {
        items { name users { totalCount } connections { totalCount } } } }`);
      const items = result.data!.organizations.items;
      const own = items.find((o) => o.users === null)!;
      expect(own).toBeDefined();
      expect(own.connections.totalCount).toBeGreaterThan(0);
      expect(items.filter((o) => o.users !== null).every((o) => o.users?.totalCount === 0)).toBe(
        true,
      );
      const error = result.errors!.find((e) => e.extensions?.code === 'UPSTREAM_UNAVAILABLE')!;
      expect(error.extensions!.provider).toBe('CRUX');
      expect(error.path).toEqual(['organizations', 'items', items.indexOf(own), 'users']);
    });

    it("one organization's connections: unknown (null and an error) when its provider fails", async () => {
      const orgs = await query<{ organizations: Items<{ id: string }> }>(
        '{ organizations(filter: { providers: [DATADOG] }, limit: 1) { items { id } } }',
      );
      await stack.reset();
      stack.emulators.datadog.setKnobs({ faults: [{ status: 503 }] });
      const result = await query<{ providers: unknown[]; organization: unknown }>(
        'query($id: ID!) { providers { provider } organization(id: $id) { connections { totalCount } } }',
        { id: orgs.data!.organizations.items[0].id },
      );
      expect(result.data?.providers).toHaveLength(3);
      expect(result.data?.organization).toBeNull();
      expect(codesOf(result)).toEqual([['UPSTREAM_UNAVAILABLE', 'DATADOG']]);
    });

    it('nodes: a failing provider nulls its own IDs only', async () => {
      const list = await query<{ crux: Items<{ id: string }>; datadog: Items<{ id: string }> }>(`{
        crux: organizations(filter: { providers: [CRUX] }, limit: 1) { items { id } }
        datadog: organizations(filter: { providers: [DATADOG] }, limit: 1) { items { id } } }`);
      const ids = [list.data!.crux.items[0].id, list.data!.datadog.items[0].id];
      await stack.reset();
      stack.emulators.datadog.setKnobs({ faults: [{ status: 503 }] });
      const result = await query<{ nodes: unknown[] }>(
        'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
        { ids },
      );
      expect(result.data?.nodes).toEqual([{ id: ids[0] }, null]);
      expect(codesOf(result)).toEqual([['UPSTREAM_UNAVAILABLE', 'DATADOG']]);
      expect(result.errors![0].path).toEqual(['nodes', 1]);
    });

    it("Auth0: one organization's members failing leaves the other organizations' users", async () => {
      const all = await query<{ users: { totalCount: number } }>(
        '{ users(filter: { providers: [AUTH0] }, limit: 500) { totalCount } }',
      );
      const total = all.data!.users.totalCount;
      await stack.reset();
      const orgId = stack.emulators.auth0.data.organizations[0].id;
      // Every try of one organization's members call fails; the other 11 answer.
      stack.emulators.auth0.setKnobs({
        faults: [{ path: `/api/v2/organizations/${orgId}/members`, status: 503 }],
      });
      const result = await query<{
        users: {
          count: number | null;
          items: unknown[];
          unavailableProviders: ProviderProblem[];
        };
      }>(`{ users(filter: { providers: [AUTH0] }, limit: 500) {
        count: totalCount items { id } unavailableProviders { provider code answeredInPart } } }`);
      expect(result.data?.users.unavailableProviders).toEqual([
        { provider: 'AUTH0', code: 'UPSTREAM_UNAVAILABLE', answeredInPart: true },
      ]);
      expect(result.data?.users.items.length).toBeGreaterThan(0);
      expect(result.data?.users.items.length).toBeLessThan(total);
      expect(result.data?.users.count).toBeNull();
      expect(codesOf(result)).toEqual([['UPSTREAM_UNAVAILABLE', 'AUTH0']]);
      // At the total's response key, alias and all.
      expect(result.errors![0].path).toEqual(['users', 'count']);
    });

    it('every provider failing: an empty page and one error per provider', async () => {
      for (const emulator of [
        stack.emulators.crux,
        stack.emulators.auth0,
        stack.emulators.datadog,
      ]) {
        emulator.setKnobs({ faults: [{ status: 502 }] });
      }
      const result = await query<OrganizationsData>(ORGS_QUERY);
      expect(result.data?.organizations).toMatchObject({ totalCount: null, items: [] });
      expect(
        result.data?.organizations.unavailableProviders.map((p) => [p.provider, p.code]).sort(),
      ).toEqual([
        ['AUTH0', 'UPSTREAM_UNAVAILABLE'],
        ['CRUX', 'UPSTREAM_UNAVAILABLE'],
        ['DATADOG', 'UPSTREAM_UNAVAILABLE'],
      ]);
      expect(codesOf(result).sort()).toEqual([
        ['UPSTREAM_UNAVAILABLE', 'AUTH0'],
        ['UPSTREAM_UNAVAILABLE', 'CRUX'],
        ['UPSTREAM_UNAVAILABLE', 'DATADOG'],
      ]);
    });
  });

  describe('credentials', () => {
    it("a caller's wrong provider credentials fail that provider only, and are never echoed", async () => {
      const result = await query<OrganizationsData>(ORGS_QUERY, undefined, {
        'x-crux-token': 'wrong-crux-token',
        'x-datadog-api-key': 'wrong-dd-key',
        'x-datadog-application-key': 'wrong-dd-app-key',
      });
      expect(codesOf(result).sort()).toEqual([
        ['UPSTREAM_FORBIDDEN', 'DATADOG'],
        ['UPSTREAM_UNAUTHORIZED', 'CRUX'],
      ]);
      const serialized = JSON.stringify(result);
      expect(serialized).not.toContain('wrong-crux-token');
      expect(serialized).not.toContain('wrong-dd-key');
      expect(result.data?.organizations.items.every((o) => o.provider === 'AUTH0')).toBe(true);
    });

    it('refuses half a Datadog key pair instead of mixing it with the server keys', async () => {
      const result = await query<OrganizationsData>(ORGS_QUERY, undefined, {
        'x-datadog-api-key': 'only-one-key',
      });
      // HTTP 200, as GraphQL over HTTP has it for application/json: routers pass it on intact.
      expect(result.status).toBe(200);
      expect(result.data).toBeUndefined();
      expect(codesOf(result)).toEqual([['BAD_USER_INPUT', undefined]]);
      expect(result.errors![0].message).toBe(
        'Send both x-datadog-api-key and x-datadog-application-key, or neither',
      );
      expect(stack.emulators.datadog.counter.count() + stack.emulators.crux.counter.count()).toBe(
        0,
      );
    });

    it('one caller with bad credentials does not change what a concurrent caller sees', async () => {
      const [bad, good] = await Promise.all([
        query<OrganizationsData>(ORGS_QUERY, undefined, { 'x-crux-token': 'someone-elses-token' }),
        query<OrganizationsData>(ORGS_QUERY),
      ]);
      expect(bad.data?.organizations.items.some((o) => o.provider === 'CRUX')).toBe(false);
      expect(good.errors).toBeUndefined();
      expect(good.data?.organizations.items.filter((o) => o.provider === 'CRUX')).toHaveLength(13);
    });
  });
});

describe('a provider that is not configured', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      configure: (config) => ({
        ...config,
        providers: { ...config.providers, datadog: undefined },
      }),
    });
  });
  afterAll(() => stack.stop());

  it('is reported as disabled, left out of lists, and its IDs answer PROVIDER_DISABLED', async () => {
    const { providers } = await stack.sdk.Providers();
    expect(providers.find((p) => p.provider === 'DATADOG')!.enabled).toBe(false);
    const orgs = await stack.query<OrganizationsData>(ORGS_QUERY);
    expect(orgs.errors).toBeUndefined();
    expect(new Set(orgs.data?.organizations.items.map((o) => o.provider))).toEqual(
      new Set(['CRUX', 'AUTH0']),
    );
    const id = Buffer.from('["Organization","DATADOG","x"]').toString('base64url');
    const result = await stack.query('query($id: ID!) { node(id: $id) { id } }', { id });
    expect(codesOf(result)).toEqual([['PROVIDER_DISABLED', 'DATADOG']]);
    expect(stack.emulators.datadog.counter.count()).toBe(0);
  });
});

describe("callers' own credentials replace the server's", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      configure: (config) => ({
        ...config,
        providers: {
          crux: { ...config.providers.crux!, token: 'server-crux-token-revoked' },
          auth0: { baseUrl: config.providers.auth0!.baseUrl, token: 'server-auth0-token-revoked' },
          datadog: { ...config.providers.datadog!, apiKey: 'revoked', appKey: 'revoked' },
        },
      }),
    });
  });
  afterAll(() => stack.stop());

  it('the server alone cannot read any provider, the caller with its own credentials reads all', async () => {
    const withoutCaller = await stack.query<OrganizationsData>(ORGS_QUERY);
    expect(withoutCaller.data?.organizations).toMatchObject({ totalCount: null, items: [] });
    expect(codesOf(withoutCaller).sort()).toEqual([
      ['UPSTREAM_FORBIDDEN', 'DATADOG'],
      ['UPSTREAM_UNAUTHORIZED', 'AUTH0'],
      ['UPSTREAM_UNAUTHORIZED', 'CRUX'],
    ]);
    const { crux, auth0, datadog } = stack.emulators;
    const withCaller = await stack.query<OrganizationsData>(ORGS_QUERY, undefined, {
      'x-crux-token': crux.credentials.token,
      'x-auth0-token': auth0.credentials.token,
      'x-datadog-api-key': datadog.credentials.apiKey,
      'x-datadog-application-key': datadog.credentials.appKey,
    });
    expect(withCaller.errors).toBeUndefined();
    expect(withCaller.data?.organizations.totalCount).toBe(13 + 12 + 12);
  });
});
