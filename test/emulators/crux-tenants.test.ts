import { CruxEmulator } from '../../src/emulators/crux/crux-emulator';
import type { CruxLoginJson } from '../../src/emulators/crux/crux-data';

const CONNECTIONS = 'GET /organizations/connections/';
const LOGIN = 'POST /organizations/user-login/';

describe('Crux emulator: two accounts', () => {
  const emulator = new CruxEmulator();
  const first = emulator.firstTenant;
  const second = emulator.secondTenant;
  const get = (path: string, token: string) =>
    fetch(`${emulator.url}${path}`, { headers: { Authorization: `Token ${token}` } });
  const json = async (path: string, token: string): Promise<unknown> => {
    const response = await get(path, token);
    expect(response.status).toBe(200);
    return response.json();
  };
  const login = (username: string, password: string) =>
    fetch(`${emulator.url}/organizations/user-login/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('keeps the first account as it was; the second differs in ids and names, not in size', () => {
    expect(emulator.data).toBe(first.data);
    expect(emulator.credentials).toBe(first.credentials);
    expect(first.data.organization.name).toBe('Acme');
    expect(second.credentials.token).toBe('crux-second-token');
    expect(second.data.connections).toHaveLength(first.data.connections.length);
    expect(second.data.users).toHaveLength(first.data.users.length);
    expect(second.data.organization.uuid).not.toBe(first.data.organization.uuid);
    const firstNames = new Set(
      [first.data.organization, ...first.data.partners].map((o) => o.name),
    );
    for (const org of [second.data.organization, ...second.data.partners]) {
      expect(firstNames.has(org.name)).toBe(false);
    }
    expect(second.credentials.username).not.toBe(first.credentials.username);
  });

  it("serves each token its own account's data on every route", async () => {
    for (const tenant of [first, second]) {
      const { token } = tenant.credentials;
      const { data } = tenant;
      expect(await json('/organizations/', token)).toEqual(data.organization);
      expect(await json('/organizations/connections/', token)).toEqual(data.connections);
      expect(await json('/organizations/users/all/', token)).toEqual(data.users);
      expect(await json('/organizations/all_permissions/', token)).toEqual(data.permissions);
      const user = data.users[1];
      expect(await json(`/organizations/users/detail/${user.uuid}/`, token)).toEqual(user);
    }
  });

  it("answers 404 for the other account's users", async () => {
    const theirs = first.data.users[0].uuid;
    const token = second.credentials.token;
    expect((await get(`/organizations/users/detail/${theirs}/`, token)).status).toBe(404);
    expect((await get(`/organizations/users/permissions/${theirs}/`, token)).status).toBe(404);
  });

  it("logs each account's first user in to that account's token", async () => {
    const { username, password, token } = second.credentials;
    const response = await login(username, password);
    expect(response.status).toBe(200);
    const body = (await response.json()) as CruxLoginJson;
    expect(body).toMatchObject({
      auth_token: token,
      org_uuid: second.data.organization.uuid,
      user_uuid: second.data.users[0].uuid,
    });
    // A known username with a wrong password opens no account.
    expect((await login(first.credentials.username, 'wrong')).status).toBe(401);
    expect(emulator.counter.countForTenant('second', LOGIN)).toBe(1);
    expect(emulator.counter.countForTenant('first')).toBe(0);
  });

  it('counts requests per account: none for the one nobody called', async () => {
    await get('/organizations/connections/', first.credentials.token);
    await get('/organizations/connections/', first.credentials.token);
    await get('/organizations/connections/', 'wrong-token');
    expect(emulator.counter.countForTenant('first', CONNECTIONS)).toBe(2);
    expect(emulator.counter.countForTenant('second')).toBe(0);
    expect(emulator.counter.byTenant()).toEqual({ first: 2 });
  });

  it('keeps a rate-limit window per account, with Retry-After on the 429 alone', async () => {
    emulator.setKnobs({ rateLimit: { limit: 1, periodSeconds: 30 } });
    const firstOk = await get('/organizations/', first.credentials.token);
    const firstLimited = await get('/organizations/', first.credentials.token);
    const secondOk = await get('/organizations/', second.credentials.token);
    expect([firstOk.status, firstLimited.status, secondOk.status]).toEqual([200, 429, 200]);
    // Crux sends no rate-limit headers, as before.
    for (const response of [firstOk, secondOk]) {
      const limitHeaders: string[] = [];
      response.headers.forEach((_, name) => {
        if (/ratelimit|retry/i.test(name)) limitHeaders.push(name);
      });
      expect(limitHeaders).toEqual([]);
    }
    const wait = Number(firstLimited.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(30);
    expect(await firstLimited.json()).toEqual({
      detail: `Request was throttled. Expected available in ${wait} second${wait === 1 ? '' : 's'}.`,
    });
    expect((await get('/organizations/', second.credentials.token)).status).toBe(429);
  });
});
