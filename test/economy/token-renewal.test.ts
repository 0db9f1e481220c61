import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';

/**
 * The server's own Auth0 token (client credentials) renewed after Auth0 rejects it, over real HTTP:
 * one failed call, one `POST /oauth/token` however many requests saw the 401, the call once more, and
 * the caller never notices. A caller's own token is never "renewed" with the server's credentials.
 */

const TOKEN_ROUTE = 'POST /oauth/token';
const LISTING_ROUTE = 'GET /api/v2/organizations';
const ONE_ROUTE = 'GET /api/v2/organizations/:id';
/** One call: the first offset page of organizations, with the total. */
const AUTH0_PAGE =
  '{ organizations(filter: { providers: [AUTH0] }, limit: 5) { totalCount items { id name } } }';
const NO_CACHE = { 'cache-control': 'no-cache' };

/** What AUTH0_PAGE selects. */
interface Auth0Page {
  organizations: { totalCount: number; items: Array<{ id: string; name: string }> };
}

function codesOf(result: GraphQLResponse<unknown>) {
  return (result.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.provider]);
}

const measured: Record<string, unknown> = {};

describe('Auth0 token renewal', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    console.log(`token-renewal.test measured: ${JSON.stringify(measured)}`);
    await stack?.stop();
  });
  beforeEach(() => stack.reset());

  const auth0 = () => stack.emulators.auth0;
  const statuses = (route: string) =>
    auth0()
      .counter.requests()
      .filter((r) => r.route === route)
      .map((r) => r.status);

  it('after Auth0 revokes the token: one 401, one renewal, the call again, and the query succeeds', async () => {
    // The stack's first Auth0 query: the server fetches its token, then reads with it.
    const before = await stack.query<Auth0Page>(AUTH0_PAGE);
    expect(before.errors).toBeUndefined();
    expect(statuses(TOKEN_ROUTE)).toEqual([200]);
    expect(statuses(LISTING_ROUTE)).toEqual([200]);
    auth0().counter.reset();

    auth0().revokeTokens();
    // no-cache: the cache would answer this without a call otherwise.
    const after = await stack.query<Auth0Page>(AUTH0_PAGE, undefined, NO_CACHE);
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual(before.data);
    expect(auth0().counter.byRoute()).toEqual({ [LISTING_ROUTE]: 2, [TOKEN_ROUTE]: 1 });
    expect(statuses(LISTING_ROUTE)).toEqual([401, 200]);
    expect(statuses(TOKEN_ROUTE)).toEqual([200]);
    // The request paid for its two API calls; the token is the server's.
    expect((after.extensions!.upstream as { calls: number }).calls).toBe(2);

    // The renewed token serves the next requests: no renewal, no 401.
    auth0().counter.reset();
    const next = await stack.query<Auth0Page>(AUTH0_PAGE, undefined, NO_CACHE);
    expect(next.errors).toBeUndefined();
    expect(auth0().counter.byRoute()).toEqual({ [LISTING_ROUTE]: 1 });
    measured.sequential = { listingStatuses: [401, 200], renewals: 1 };
  });

  it('concurrent queries that all hold the revoked token: still exactly one renewal', async () => {
    const organizations = auth0().data.organizations.slice(0, 8);
    const ids = organizations.map((org) =>
      Buffer.from(JSON.stringify(['Organization', 'AUTH0', org.id])).toString('base64url'),
    );
    // One answer first: the rate budget learns Auth0's window (no limit here) and then lets calls
    // leave together instead of one probe at a time, so that many hold the token when it is revoked.
    expect((await stack.query(AUTH0_PAGE)).errors).toBeUndefined();
    auth0().counter.reset();

    auth0().revokeTokens();
    // Slow answers: the requests all send with the revoked token before the first 401 is back.
    auth0().setKnobs({ latencyMs: 300 });
    const results = await Promise.all(
      ids.map((id) =>
        stack.query<{ organization: { id: string; name: string } | null }>(
          'query($id: ID!) { organization(id: $id) { id name } }',
          { id },
        ),
      ),
    );
    results.forEach((result, i) => {
      expect(result.errors).toBeUndefined();
      expect(result.data?.organization).toEqual({ id: ids[i], name: organizations[i].name });
    });
    expect(auth0().counter.count(TOKEN_ROUTE)).toBe(1);
    // Each request's call: a 401 and the call again (or, had it left after the renewal, a 200 alone).
    const byStatus = statuses(ONE_ROUTE).reduce<Record<number, number>>(
      (counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
      {},
    );
    expect(byStatus[200]).toBe(ids.length);
    expect(byStatus[401]).toBeGreaterThan(1);
    expect(byStatus[401]).toBeLessThanOrEqual(ids.length);
    expect(Object.keys(byStatus).sort()).toEqual(['200', '401']);
    measured.concurrent = { queries: ids.length, ...byStatus, renewals: 1 };
  });

  it("a caller's own wrong x-auth0-token: UPSTREAM_UNAUTHORIZED, one call, no renewal", async () => {
    // Even with the server's own token revoked too, the caller's request never touches it.
    auth0().revokeTokens();
    const result = await stack.query<Auth0Page>(AUTH0_PAGE, undefined, {
      'x-auth0-token': 'a-wrong-caller-token',
    });
    expect(codesOf(result)).toEqual([['UPSTREAM_UNAUTHORIZED', 'AUTH0']]);
    expect(result.errors![0].message).toBe("Auth0 rejected orgraph's credentials (401)");
    expect(auth0().counter.byRoute()).toEqual({ [LISTING_ROUTE]: 1 });
    expect(statuses(LISTING_ROUTE)).toEqual([401]);
    expect(auth0().counter.count(TOKEN_ROUTE)).toBe(0);

    // The server's own credentials still recover on their next use.
    const own = await stack.query<Auth0Page>(AUTH0_PAGE);
    expect(own.errors).toBeUndefined();
    expect(statuses(LISTING_ROUTE)).toEqual([401, 401, 200]);
    expect(auth0().counter.count(TOKEN_ROUTE)).toBe(1);
  });

  it("a caller's own valid x-auth0-token reads without the server's token", async () => {
    auth0().revokeTokens();
    const result = await stack.query<Auth0Page>(AUTH0_PAGE, undefined, {
      'x-auth0-token': stack.emulators.secondTenantHeaders['x-auth0-token'],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.organizations.totalCount).toBeGreaterThan(0);
    expect(auth0().counter.byRoute()).toEqual({ [LISTING_ROUTE]: 1 });
    expect(auth0().counter.countForTenant('second')).toBe(1);
  });
});
