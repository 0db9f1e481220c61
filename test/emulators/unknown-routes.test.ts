import { startEmulators, type RunningEmulators } from '../../src/emulators/start-emulators';

/**
 * A path (or method) an emulator has no route for answers what the provider's own web stack answers for
 * one, before any credential check: never an error that names a resource, such as "No organization".
 */
describe('emulators: unknown routes', () => {
  let emulators: RunningEmulators;
  beforeAll(async () => {
    emulators = await startEmulators();
  });
  afterAll(() => emulators.stop());

  it('Auth0 answers hapi’s bare 404, with or without a token', async () => {
    const { url, credentials } = emulators.auth0;
    const attempts: Array<[string, string]> = [
      ['GET', '/api/v2/users'],
      ['GET', '/api/v2/roles/rol_x/users'],
      ['GET', `/api/v2/organizations/${emulators.auth0.data.organizations[0].id}/invitations`],
      ['DELETE', '/api/v2/organizations'],
      ['GET', '/nothing-here'],
    ];
    const withAndWithoutToken: Array<Record<string, string>> = [
      {},
      { authorization: `Bearer ${credentials.token}` },
    ];
    for (const [method, path] of attempts) {
      for (const headers of withAndWithoutToken) {
        const response = await fetch(`${url}${path}`, { method, headers });
        expect({ method, path, status: response.status }).toEqual({ method, path, status: 404 });
        expect(await response.json()).toEqual({
          statusCode: 404,
          error: 'Not Found',
          message: 'Not Found',
        });
      }
    }
    expect(emulators.auth0.counter.count('GET (unmatched)')).toBe(8);
  });

  it('Datadog answers its bare {"errors": ["Not found"]}', async () => {
    const { url, credentials } = emulators.datadog;
    for (const path of ['/api/v1/org', '/api/v2/org_connections/x/y', '/']) {
      const response = await fetch(`${url}${path}`, {
        headers: { 'DD-API-KEY': credentials.apiKey, 'DD-APPLICATION-KEY': credentials.appKey },
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({ errors: ['Not found'] });
    }
  });

  it('Crux answers Django’s HTML 404 page, which Django REST Framework never sees', async () => {
    const { url, credentials } = emulators.crux;
    for (const path of ['/organizations/nothing/', '/organizations/connections', '/api/v2/']) {
      const response = await fetch(`${url}${path}`, {
        headers: { authorization: `Token ${credentials.token}` },
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const page = await response.text();
      expect(page).toContain('<title>Not Found</title>');
      expect(page).toContain('<p>The requested resource was not found on this server.</p>');
    }
  });
});
