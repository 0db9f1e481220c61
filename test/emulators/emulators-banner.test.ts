import { demoCredentials } from '../../src/emulators/demo-credentials';
import { emulatorsBanner } from '../../src/emulators/emulators-banner';
import { startEmulators, type RunningEmulators } from '../../src/emulators/start-emulators';

/** What `npm run emulators` and the demo log tell a reader, and that it is enough to call them. */
describe('emulator banners', () => {
  let emulators: RunningEmulators;
  beforeAll(async () => {
    emulators = await startEmulators();
  });
  afterAll(() => emulators.stop());

  it('npm run emulators prints the Auth0 audience and every demo credential, and they work', async () => {
    const text = emulatorsBanner(emulators);
    const value = (name: string) => new RegExp(`${name}=(\\S+)`).exec(text)![1];
    const { auth0, crux, datadog } = emulators;
    expect(value('AUTH0_AUDIENCE')).toBe(auth0.credentials.audience);
    for (const credential of [
      crux.credentials.token,
      auth0.credentials.clientId,
      auth0.credentials.clientSecret,
      auth0.credentials.token,
      datadog.credentials.apiKey,
      datadog.credentials.appKey,
      crux.secondTenant.credentials.token,
      auth0.secondTenant.credentials.clientSecret,
      datadog.secondTenant.credentials.appKey,
    ]) {
      expect(text).toContain(credential);
    }
    expect(text).toContain(
      'read:organizations read:organization_connections read:organization_members ' +
        'read:organization_member_roles read:roles',
    );

    const grant = await fetch(`${auth0.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: value('AUTH0_CLIENT_ID'),
        client_secret: value('AUTH0_CLIENT_SECRET'),
        audience: value('AUTH0_AUDIENCE'),
      }),
    });
    expect(grant.status).toBe(200);
    const { access_token } = (await grant.json()) as { access_token: string };
    const roles = await fetch(`${value('AUTH0_API_URL')}/roles`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(roles.status).toBe(200);
  });

  it('the demo log names the Auth0 audience and the first tenant’s credentials', () => {
    const line = demoCredentials(emulators);
    const { auth0, crux, datadog } = emulators;
    expect(line).toContain(`audience ${auth0.credentials.audience}`);
    for (const credential of [
      crux.credentials.token,
      auth0.credentials.token,
      auth0.credentials.clientId,
      auth0.credentials.clientSecret,
      datadog.credentials.apiKey,
      datadog.credentials.appKey,
    ]) {
      expect(line).toContain(credential);
    }
  });
});
