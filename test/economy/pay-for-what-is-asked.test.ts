import { encodeGlobalId } from '../../src/model/global-id';
import { Provider } from '../../src/model/provider';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * A page costs the upstream pages that cover it, where the provider pages: Auth0 organizations come in
 * offset pages of 100 with their total, so a first page does not read the whole listing. Filters a
 * provider applies itself are sent to it. Emulators at 450 organizations per provider: Auth0's
 * checkpoint listing would be 5 calls.
 */
describe('paying only for what is asked', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ emulators: { size: 450 } });
    // The server's Auth0 token is fetched once per process; fetch it before counting.
    await stack.query('{ providers { provider } }');
    await stack.query('{ organizations(filter: { providers: [AUTH0] }, limit: 1) { totalCount } }');
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.reset());

  const auth0Urls = () => stack.emulators.auth0.counter.requests().map((r) => r.url);
  const organizationsPage = (offset: number, limit: number) =>
    stack.query<{
      organizations: { totalCount: number; hasNextPage: boolean; items: { nativeId: string }[] };
    }>(
      `query ($offset: Int!, $limit: Int!) {
        organizations(filter: { providers: [AUTH0] }, offset: $offset, limit: $limit) {
          totalCount hasNextPage items { nativeId } } }`,
      { offset, limit },
    );

  it('a first page of 50 Auth0 organizations is one offset page with the total, not the listing', async () => {
    const { data, errors } = await organizationsPage(0, 50);
    expect(errors).toBeUndefined();
    const expected = stack.emulators.auth0.data.organizations.slice(0, 50).map((o) => o.id);
    expect(data!.organizations.items.map((o) => o.nativeId)).toEqual(expected);
    expect(data!.organizations.totalCount).toBe(450);
    expect(data!.organizations.hasNextPage).toBe(true);
    expect(auth0Urls()).toEqual(['/api/v2/organizations?page=0&per_page=100&include_totals=true']);
  });

  it('a window across two offset pages costs those two; the next window reuses them from the cache', async () => {
    const first = await organizationsPage(80, 50);
    const all = stack.emulators.auth0.data.organizations.map((o) => o.id);
    expect(first.data!.organizations.items.map((o) => o.nativeId)).toEqual(all.slice(80, 130));
    expect([...auth0Urls()].sort()).toEqual([
      '/api/v2/organizations?page=0&per_page=100&include_totals=true',
      '/api/v2/organizations?page=1&per_page=100&include_totals=true',
    ]);
    stack.emulators.auth0.counter.reset();
    const second = await organizationsPage(130, 50);
    expect(second.data!.organizations.items.map((o) => o.nativeId)).toEqual(all.slice(130, 180));
    expect(auth0Urls()).toEqual([]);
    expect(second.extensions?.upstream).toMatchObject({ calls: 0, cache: { misses: 0 } });
  });

  it('the last page and a merged page across providers keep every provider’s order and total', async () => {
    const last = await organizationsPage(400, 100);
    expect(last.data!.organizations.items).toHaveLength(50);
    expect(last.data!.organizations.hasNextPage).toBe(false);

    type Items = {
      organizations: { totalCount: number; items: { provider: string; nativeId: string }[] };
    };
    const of = async (provider: string) =>
      (
        await stack.query<Items>(`{ organizations(filter: { providers: [${provider}] }, limit: 500) {
        totalCount items { provider nativeId } } }`)
      ).data!.organizations;
    const parts = [await of('CRUX'), await of('AUTH0'), await of('DATADOG')];
    const concatenated = parts.flatMap((p) => p.items);
    for (const offset of [0, 420, 880]) {
      const merged = await stack.query<Items>(
        `{ organizations(offset: ${offset}, limit: 100) { totalCount items { provider nativeId } } }`,
      );
      // A merged window is the same window of the providers' lists one after the other.
      expect(merged.data!.organizations.items).toEqual(concatenated.slice(offset, offset + 100));
      expect(merged.data!.organizations.totalCount).toBe(concatenated.length);
    }
    expect(parts.every((p) => p.items.length === p.totalCount)).toBe(true);
  });

  it('past Auth0’s offset reach the checkpoint listing answers, and later pages reuse it', async () => {
    const big = await startTestStack({ emulators: { size: 1100 } });
    try {
      const page = (offset: number) =>
        big.query<{ organizations: { items: { nativeId: string }[] } }>(
          `{ organizations(filter: { providers: [AUTH0] }, offset: ${offset}, limit: 100) { items { nativeId } } }`,
        );
      const all = big.emulators.auth0.data.organizations.map((o) => o.id);
      const deep = await page(1000);
      expect(deep.errors).toBeUndefined();
      expect(deep.data!.organizations.items.map((o) => o.nativeId)).toEqual(all.slice(1000, 1100));
      const listing = big.emulators.auth0.counter
        .requests()
        .filter((r) => r.route === 'GET /api/v2/organizations');
      // The checkpoint listing (11 pages of 100) plus the offset page that told the total.
      expect(listing.filter((r) => r.url.includes('take=100'))).toHaveLength(11);
      big.emulators.auth0.counter.reset();
      const earlier = await page(900);
      expect(earlier.data!.organizations.items.map((o) => o.nativeId)).toEqual(
        all.slice(900, 1000),
      );
      expect(big.emulators.auth0.counter.count()).toBe(1); // the offset page 9, new to the cache
    } finally {
      await big.stop();
    }
  });

  it('a page that does not ask for totalCount asks the next providers only when it reaches them', async () => {
    const byProvider = () => ({
      crux: stack.emulators.crux.counter.count(),
      auth0: stack.emulators.auth0.counter.count(),
      datadog: stack.emulators.datadog.counter.count(),
    });
    // Crux holds the first 50 connections: Auth0's 450 organizations are never listed.
    const first = await stack.query<{ connections: { hasNextPage: boolean; items: unknown[] } }>(
      '{ connections(limit: 50) { hasNextPage items { id provider } } }',
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.connections.items).toHaveLength(50);
    expect(first.data!.connections.hasNextPage).toBe(true);
    expect(byProvider()).toEqual({ crux: 1, auth0: 0, datadog: 0 });

    // The same page with totalCount needs every provider's count.
    await stack.reset();
    const counted = await stack.query<{ connections: { totalCount: number; items: unknown[] } }>(
      '{ connections(limit: 50) { totalCount items { id provider } } }',
    );
    expect(counted.data!.connections.items).toEqual(first.data!.connections.items);
    // Auth0 has no bulk endpoint: one call per organization, which the default budget of 300 stops.
    expect(counted.errors?.map((e) => [e.extensions?.code, e.extensions?.provider])).toEqual([
      ['UPSTREAM_BUDGET_EXCEEDED', 'AUTH0'],
    ]);
    expect(counted.extensions?.upstream).toMatchObject({ calls: 300 });
    expect(byProvider()).toMatchObject({ crux: 1, datadog: 1 });

    // Users and organizations alike.
    await stack.reset();
    const users = await stack.query<{ users: { items: unknown[] } }>(
      '{ users(limit: 5) { items { id } } }',
    );
    const orgs = await stack.query<{ organizations: { items: unknown[] } }>(
      '{ organizations(limit: 5) { items { id } } }',
    );
    expect(users.data!.users.items).toHaveLength(5);
    expect(orgs.data!.organizations.items).toHaveLength(5);
    expect(byProvider()).toEqual({ crux: 2, auth0: 0, datadog: 0 });
  });

  it('sends Auth0’s is_enabled filter upstream for an organization’s connections', async () => {
    const org = stack.emulators.auth0.data.organizations[0];
    const { data, errors } = await stack.query<{
      organization: { connections: { items: { isEnabled: boolean }[] } };
    }>(
      `query ($id: ID!) { organization(id: $id) { connections(filter: { enabled: true }, limit: 500) {
        items { isEnabled } } } }`,
      { id: encodeGlobalId('Organization', Provider.AUTH0, org.id) },
    );
    expect(errors).toBeUndefined();
    expect(data!.organization.connections.items.every((c) => c.isEnabled)).toBe(true);
    const calls = auth0Urls().filter((url) => url.includes('/connections'));
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain('is_enabled=true');
  });
});
