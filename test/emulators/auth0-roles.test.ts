import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';

describe('Auth0 emulator: tenant roles', () => {
  const emulator = new Auth0Emulator();
  const get = (path: string) =>
    fetch(`${emulator.url}${path}`, {
      headers: { authorization: `Bearer ${emulator.credentials.token}` },
    });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());

  it('lists every role, bare or with totals, and filters by name', async () => {
    const bare = (await (await get('/api/v2/roles')).json()) as Array<{ id: string }>;
    expect(bare).toEqual(emulator.data.roles);
    const page: unknown = await (
      await get('/api/v2/roles?include_totals=true&per_page=2&page=1')
    ).json();
    expect(page).toEqual({
      roles: emulator.data.roles.slice(2, 4),
      start: 2,
      limit: 2,
      total: emulator.data.roles.length,
    });
    const role = emulator.data.roles[0];
    const filtered = (await (await get(`/api/v2/roles?name_filter=${role.name}`)).json()) as Array<{
      id: string;
    }>;
    expect(filtered.map((r) => r.id)).toContain(role.id);
  });

  it('gets one role by id, and 404 with Auth0 error body for an unknown one', async () => {
    const role = emulator.data.roles[1];
    expect(await (await get(`/api/v2/roles/${role.id}`)).json()).toEqual(role);
    const missing = await get('/api/v2/roles/rol_nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'The role does not exist.',
      errorCode: 'inexistent_role',
    });
  });

  it('rejects paging out of range and missing tokens', async () => {
    expect((await get('/api/v2/roles?per_page=101')).status).toBe(400);
    expect((await fetch(`${emulator.url}/api/v2/roles`)).status).toBe(401);
  });
});
