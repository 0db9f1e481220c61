import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import type { Auth0Organization, Auth0TokenResponse } from '../../src/emulators/auth0/auth0-data';
import { requestAuth0Token } from '../support/auth0-token-grant';

const ORGS = 'GET /api/v2/organizations';
const TOKEN = 'POST /oauth/token';

describe('Auth0 emulator: two tenants', () => {
  const emulator = new Auth0Emulator();
  const first = emulator.firstTenant;
  const second = emulator.secondTenant;
  const get = (path: string, token: string) =>
    fetch(`${emulator.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const organizations = async (token: string) =>
    (await (await get('/api/v2/organizations', token)).json()) as Auth0Organization[];
  const grant = (credentials: { clientId: string; clientSecret: string }) =>
    requestAuth0Token(emulator, credentials);
  const issued = async (credentials: { clientId: string; clientSecret: string }) =>
    ((await (await grant(credentials)).json()) as Auth0TokenResponse).access_token;

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('keeps the first tenant as it was, and seeds the second from another seed at the same size', () => {
    expect(emulator.data).toBe(first.data);
    expect(emulator.credentials).toBe(first.credentials);
    expect(first.name).toBe('first');
    expect(second.name).toBe('second');
    expect(second.credentials).toMatchObject({
      token: 'auth0-second-token',
      clientId: 'orgraph-second-client',
      clientSecret: 'orgraph-second-secret',
    });
    expect(second.credentials.audience).toBe(emulator.credentials.audience);
    expect(second.data.organizations).toHaveLength(first.data.organizations.length);
    const firstNames = new Set(first.data.organizations.map((o) => o.display_name));
    const firstIds = new Set(first.data.organizations.map((o) => o.id));
    for (const org of second.data.organizations) {
      expect(firstNames.has(org.display_name)).toBe(false);
      expect(firstIds.has(org.id)).toBe(false);
    }
  });

  it("serves each static token its own tenant's organizations", async () => {
    expect(await organizations(first.credentials.token)).toEqual(first.data.organizations);
    expect(await organizations(second.credentials.token)).toEqual(second.data.organizations);
  });

  it("answers 404 for another tenant's organization, on every organization route", async () => {
    const theirs = first.data.organizations[0];
    const ours = second.data.organizations[0];
    const token = second.credentials.token;
    for (const path of [
      `/api/v2/organizations/${theirs.id}`,
      `/api/v2/organizations/name/${theirs.name}`,
      `/api/v2/organizations/${theirs.id}/members`,
      `/api/v2/organizations/${theirs.id}/enabled_connections`,
    ]) {
      expect((await get(path, token)).status).toBe(404);
    }
    expect(await (await get(`/api/v2/organizations/${ours.id}`, token)).json()).toEqual(ours);
    const roles = (await (await get('/api/v2/roles', token)).json()) as Array<{ id: string }>;
    expect(roles.map((r) => r.id)).toEqual(second.data.roles.map((r) => r.id));
  });

  it("issues tokens to each tenant's client that open that tenant only", async () => {
    const secondToken = await issued(second.credentials);
    const firstToken = await issued(first.credentials);
    expect(await organizations(secondToken)).toEqual(second.data.organizations);
    expect(await organizations(firstToken)).toEqual(first.data.organizations);
    const firstOrg = first.data.organizations[0].id;
    expect((await get(`/api/v2/organizations/${firstOrg}`, secondToken)).status).toBe(404);
  });

  it("refuses one tenant's client id with the other's secret", async () => {
    const response = await grant({
      clientId: second.credentials.clientId,
      clientSecret: first.credentials.clientSecret,
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'access_denied',
      error_description: 'Unauthorized',
    });
  });

  it('counts requests per tenant, token grants included', async () => {
    await issued(second.credentials);
    await organizations(second.credentials.token);
    await organizations(second.credentials.token);
    await get('/api/v2/organizations', 'not-a-token');
    expect(emulator.counter.countForTenant('first')).toBe(0);
    expect(emulator.counter.countForTenant('second')).toBe(3);
    expect(emulator.counter.countForTenant('second', ORGS)).toBe(2);
    expect(emulator.counter.countForTenant('second', TOKEN)).toBe(1);
    expect(emulator.counter.byTenant()).toEqual({ second: 3 });
    expect(emulator.counter.count()).toBe(4);
  });

  it('keeps a rate-limit window per tenant, with the same headers as before', async () => {
    emulator.setKnobs({ rateLimit: { limit: 1, periodSeconds: 60 } });
    const firstOk = await get('/api/v2/organizations', first.credentials.token);
    const firstLimited = await get('/api/v2/organizations', first.credentials.token);
    const secondOk = await get('/api/v2/organizations', second.credentials.token);
    expect([firstOk.status, firstLimited.status, secondOk.status]).toEqual([200, 429, 200]);

    const nowSeconds = Math.floor(Date.now() / 1000);
    for (const response of [firstOk, secondOk]) {
      expect(response.headers.get('x-ratelimit-limit')).toBe('1');
      expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
      // Absolute epoch seconds, about a minute ahead.
      const reset = Number(response.headers.get('x-ratelimit-reset'));
      expect(reset).toBeGreaterThan(nowSeconds);
      expect(reset).toBeLessThanOrEqual(nowSeconds + 61);
      expect(response.headers.get('retry-after')).toBeNull();
    }
    expect(firstLimited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(firstLimited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Neither window is Datadog's: no period or name headers.
    expect(secondOk.headers.get('x-ratelimit-period')).toBeNull();
    expect((await get('/api/v2/organizations', second.credentials.token)).status).toBe(429);
  });
});
