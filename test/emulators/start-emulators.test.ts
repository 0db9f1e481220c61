import type { Auth0TokenResponse } from '../../src/emulators/auth0/auth0-data';
import { startEmulators, type RunningEmulators } from '../../src/emulators/start-emulators';

describe('startEmulators: the second tenant', () => {
  let emulators: RunningEmulators;

  beforeAll(async () => {
    emulators = await startEmulators({ size: 6 });
  });
  afterAll(() => emulators.stop());

  it('configures the first tenant in `providers`, as before', () => {
    const { crux, auth0, datadog, providers } = emulators;
    expect(providers.crux).toEqual({ baseUrl: crux.url, token: 'crux-demo-token' });
    expect(providers.auth0?.clientCredentials).toMatchObject({
      clientId: auth0.credentials.clientId,
      clientSecret: auth0.credentials.clientSecret,
    });
    expect(providers.datadog).toMatchObject({ apiKey: datadog.credentials.apiKey });
  });

  it('configures the second tenant in the same shape, at the same URLs', () => {
    const { crux, auth0, datadog, providers, secondTenant } = emulators;
    expect(secondTenant).toEqual({
      crux: { baseUrl: providers.crux!.baseUrl, token: crux.secondTenant.credentials.token },
      auth0: {
        baseUrl: providers.auth0!.baseUrl,
        clientCredentials: {
          clientId: auth0.secondTenant.credentials.clientId,
          clientSecret: auth0.secondTenant.credentials.clientSecret,
          tokenUrl: `${auth0.url}/oauth/token`,
          audience: `${auth0.url}/api/v2/`,
        },
      },
      datadog: {
        baseUrl: datadog.url,
        apiKey: datadog.secondTenant.credentials.apiKey,
        appKey: datadog.secondTenant.credentials.appKey,
      },
    });
    expect(emulators.secondTenantHeaders).toEqual({
      'x-crux-token': 'crux-second-token',
      'x-auth0-token': 'auth0-second-token',
      'x-datadog-api-key': 'dd-second-api-key',
      'x-datadog-application-key': 'dd-second-app-key',
    });
  });

  it("reaches the second tenant's data with its configuration", async () => {
    const { crux, auth0, datadog, secondTenant } = emulators;
    const cruxOrg: unknown = await (
      await fetch(`${secondTenant.crux!.baseUrl}/organizations/`, {
        headers: { Authorization: `Token ${secondTenant.crux!.token}` },
      })
    ).json();
    expect(cruxOrg).toEqual(crux.secondTenant.data.organization);

    const client = secondTenant.auth0!.clientCredentials!;
    const grant = await fetch(client.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        audience: client.audience,
      }),
    });
    const { access_token } = (await grant.json()) as Auth0TokenResponse;
    const organizations: unknown = await (
      await fetch(`${secondTenant.auth0!.baseUrl}organizations`, {
        headers: { authorization: `Bearer ${access_token}` },
      })
    ).json();
    expect(organizations).toEqual(auth0.secondTenant.data.organizations);

    const { apiKey, appKey } = secondTenant.datadog!;
    const connections: unknown = await (
      await fetch(`${secondTenant.datadog!.baseUrl}/api/v2/org_connections`, {
        headers: { 'DD-API-KEY': apiKey, 'DD-APPLICATION-KEY': appKey },
      })
    ).json();
    expect(connections).toMatchObject({ data: datadog.secondTenant.data.connections });

    for (const emulator of [crux, auth0, datadog]) {
      expect(emulator.counter.countForTenant('first')).toBe(0);
      expect(emulator.counter.countForTenant('second')).toBeGreaterThan(0);
    }
  });
});
