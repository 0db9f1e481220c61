import { encodeGlobalId } from '../../src/model/global-id';
import { Provider } from '../../src/model/provider';
import { membershipKey } from '../../src/providers/auth0/auth0-keys';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * A page of Auth0 users without its total costs the first offset page of organizations and the
 * members of the organizations, in order, that hold the page and the one user after it; only the total
 * needs every organization's members. Emulators at 300 organizations per provider: 921 Auth0 users,
 * the first organizations holding 2, 1, 2, 1, 5, 3, 5, 2... members; 3 offset pages of organizations.
 */
const ORGS = 'GET /api/v2/organizations';
const MEMBERS = 'GET /api/v2/organizations/:id/members';

interface UsersPage {
  users: {
    totalCount?: number;
    hasNextPage: boolean;
    items: Array<{ id: string; name: string | null; permissions?: Array<{ name: string }> }>;
  };
}

const WINDOW = `query ($providers: [Provider!], $offset: Int!, $limit: Int!) {
  users(filter: { providers: $providers }, offset: $offset, limit: $limit) {
    hasNextPage items { id } } }`;

describe('Auth0 user pages', () => {
  let stack: TestStack;

  /** Every Auth0 user's global id, in the order of the listing: organizations, then members. */
  const auth0Ids = (): string[] => {
    const { organizations, memberships } = stack.emulators.auth0.data;
    return organizations.flatMap((org) =>
      memberships[org.id].map((m) =>
        encodeGlobalId('User', Provider.AUTH0, membershipKey(org.id, m.user_id)),
      ),
    );
  };
  /** The organizations whose members were read, in the order they were asked. */
  const membersRead = (): string[] => {
    const requests = stack.emulators.auth0.counter.requests();
    return requests
      .filter((r) => r.route === MEMBERS)
      .map((r) => decodeURIComponent(/organizations\/([^/]+)\/members/.exec(r.url)![1]));
  };
  const orgIds = () => stack.emulators.auth0.data.organizations.map((o) => o.id);
  /** Auth0 calls per route, leaving out the server's token grant (cached across requests). */
  const auth0Calls = (): Record<string, number> =>
    Object.fromEntries(
      Object.entries(stack.emulators.auth0.counter.byRoute()).filter(([route]) =>
        route.startsWith('GET '),
      ),
    );
  const window = (providers: Provider[], offset: number, limit: number) =>
    stack.query<UsersPage>(WINDOW, { providers, offset, limit });

  beforeAll(async () => {
    stack = await startTestStack({
      emulators: { size: 300 },
      // Every member, for the total, is 300 calls and the listing: past the default budget.
      configure: (config) => ({
        ...config,
        economy: { ...config.economy, requestCallBudget: 1000 },
      }),
    });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.reset());

  it('a page asking who else holds each permission reads the listing and every member at once, not page by page first', async () => {
    const { data, errors } = await stack.query<UsersPage>(`{
      users(filter: { providers: [AUTH0] }, limit: 10) {
        hasNextPage items { id permissions { name users { name } } } } }`);
    expect(errors).toBeUndefined();
    expect(data!.users.items.map((u) => u.id)).toEqual(auth0Ids().slice(0, 10));
    // Every organization's members, the page's included, each read once: no page-by-page walk first.
    // The listing (3 offset pages) and every organization's members, each read once; a walk page by
    // page first would also read offset page 0 on its own (4 organization calls) and take more rounds.
    expect(auth0Calls()).toEqual({ [ORGS]: 3, [MEMBERS]: 300 });
    expect(new Set(membersRead()).size).toBe(300);
  });

  it('the first 10 users with their permissions cost the first page and 8 organizations’ members, not 300', async () => {
    const { data, errors } = await stack.query<UsersPage>(`{
      users(filter: { providers: [AUTH0] }, limit: 10) {
        hasNextPage items { id name permissions { id name } } } }`);
    expect(errors).toBeUndefined();
    expect(data!.users.items.map((u) => u.id)).toEqual(auth0Ids().slice(0, 10));
    expect(data!.users.hasNextPage).toBe(true);
    // The first 4 organizations hold 6 users; at 1.5 each, the 5 still wanted take 4 more, read at
    // once (15 users): 8 organizations in two rounds, where one at a time would be 5 in five.
    expect(auth0Calls()).toEqual({ [ORGS]: 1, [MEMBERS]: 8 });
    expect(membersRead()).toEqual(orgIds().slice(0, 8));
  });

  it('with the total asked, every organization’s members are still read', async () => {
    const { data } = await stack.query<UsersPage>(`{
      users(filter: { providers: [AUTH0] }, limit: 10) { totalCount hasNextPage items { id } } }`);
    expect(data!.users.totalCount).toBe(auth0Ids().length);
    expect(data!.users.items.map((u) => u.id)).toEqual(auth0Ids().slice(0, 10));
    expect(stack.emulators.auth0.counter.count(MEMBERS)).toBe(300);
  });

  it('a walk 100 at a time gives every user in order, each organization read once', async () => {
    const walked: string[] = [];
    let offset = 0;
    let more = true;
    while (more) {
      const { data } = await window([Provider.AUTH0], offset, 100);
      for (const user of data!.users.items) walked.push(user.id);
      more = data!.users.hasNextPage;
      offset += 100;
    }
    expect(walked).toEqual(auth0Ids());
    // Later pages reread the organizations before theirs from the cache: each offset page of
    // organizations and each organization's members once in all.
    expect(auth0Calls()).toEqual({ [ORGS]: 3, [MEMBERS]: 300 });
  });

  it('after Crux’s users, a window reads Auth0 only as far as it reaches', async () => {
    const cruxUsers = stack.emulators.crux.data.users.length;
    const { data } = await window([Provider.CRUX, Provider.AUTH0], cruxUsers - 5, 10);
    expect(data!.users.items.slice(5).map((u) => u.id)).toEqual(auth0Ids().slice(0, 5));
    expect(data!.users.hasNextPage).toBe(true);
    // 5 users and 1 more: the first 4 organizations hold 6.
    expect(auth0Calls()).toEqual({ [ORGS]: 1, [MEMBERS]: 4 });

    // A window that ends with Crux's users asks Auth0 only whether it has one.
    await stack.reset();
    const ending = await window([Provider.CRUX, Provider.AUTH0], cruxUsers - 10, 10);
    expect(ending.data!.users.items).toHaveLength(10);
    expect(ending.data!.users.hasNextPage).toBe(true);
    expect(auth0Calls()).toEqual({ [ORGS]: 1, [MEMBERS]: 1 });
  });

  it('a full page of Auth0 users asks Datadog nothing', async () => {
    const { data } = await window([Provider.AUTH0, Provider.DATADOG], 0, 10);
    expect(data!.users.items.map((u) => u.id)).toEqual(auth0Ids().slice(0, 10));
    expect(data!.users.hasNextPage).toBe(true);
    expect(stack.emulators.datadog.counter.count()).toBe(0);
  });

  it('an organization whose members fail leaves the others’ users, and its error beside them', async () => {
    const failing = orgIds()[0];
    stack.emulators.auth0.setKnobs({
      faults: [{ path: `/api/v2/organizations/${failing}/members`, status: 503 }],
    });
    const { data, errors } = await window([Provider.AUTH0], 0, 10);
    const failingIds = new Set(
      stack.emulators.auth0.data.memberships[failing].map((m) =>
        encodeGlobalId('User', Provider.AUTH0, membershipKey(failing, m.user_id)),
      ),
    );
    const answered = auth0Ids().filter((id) => !failingIds.has(id));
    expect(data!.users.items.map((u) => u.id)).toEqual(answered.slice(0, 10));
    expect(data!.users.hasNextPage).toBe(true);
    expect(errors?.map((e) => [e.extensions?.code, e.extensions?.provider, e.path])).toEqual([
      ['UPSTREAM_UNAVAILABLE', 'AUTH0', ['users']],
    ]);
  });
});
