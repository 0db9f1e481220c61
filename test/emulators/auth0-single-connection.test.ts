import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import type {
  Auth0EnabledConnection,
  Auth0Organization,
  Auth0OrganizationConnection,
} from '../../src/emulators/auth0/auth0-data';

describe('Auth0 emulator: one connection of an organization', () => {
  const emulator = new Auth0Emulator();
  const get = (path: string) =>
    fetch(`${emulator.url}/api/v2/organizations/${path}`, {
      headers: { authorization: `Bearer ${emulator.credentials.token}` },
    });
  const json = async <T>(path: string): Promise<T> => {
    const response = await get(path);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const settingsOf = (o: Auth0Organization) => emulator.data.organizationConnections[o.id];
  /** An organization with a connection switched off, and one switched on. */
  const org = emulator.data.organizations.find(
    (o) => settingsOf(o).some((s) => !s.is_enabled) && settingsOf(o).some((s) => s.is_enabled),
  )!;

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());

  it('serves each item of both lists alone, as the list serves it', async () => {
    for (const o of emulator.data.organizations) {
      const enabled = await json<Auth0EnabledConnection[]>(`${o.id}/enabled_connections`);
      for (const item of enabled) {
        const one = await json<Auth0EnabledConnection>(
          `${o.id}/enabled_connections/${item.connection_id}`,
        );
        // Key order too: the recorded single answer has the list item's shape.
        expect(JSON.stringify(one)).toBe(JSON.stringify(item));
      }
      const all = await json<Auth0OrganizationConnection[]>(`${o.id}/connections`);
      for (const item of all) {
        const one = await json<Auth0OrganizationConnection>(
          `${o.id}/connections/${item.connection_id}`,
        );
        expect(JSON.stringify(one)).toBe(JSON.stringify(item));
      }
    }
  });

  it('answers 404 for a connection switched off on enabled_connections, not on connections', async () => {
    const off = settingsOf(org).find((s) => !s.is_enabled)!;
    const enabled = await get(`${org.id}/enabled_connections/${off.connection_id}`);
    expect(enabled.status).toBe(404);
    expect(await enabled.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'The connection does not exist.',
      errorCode: 'inexistent_connection',
    });
    const all = await json<Auth0OrganizationConnection>(
      `${org.id}/connections/${off.connection_id}`,
    );
    expect(all).toMatchObject({ connection_id: off.connection_id, is_enabled: false });
  });

  it('answers the organization 404 first, then the connection 404', async () => {
    const on = settingsOf(org).find((s) => s.is_enabled)!;
    const other = emulator.data.connections.find(
      (c) => !settingsOf(org).some((s) => s.connection_id === c.id),
    );
    for (const route of ['enabled_connections', 'connections']) {
      const noOrg = await get(`org_doesnotexist0000/${route}/${on.connection_id}`);
      expect(noOrg.status).toBe(404);
      expect(await noOrg.json()).toMatchObject({
        message: 'No organization found by that id or name',
      });
      for (const id of ['con_doesnotexist000', ...(other ? [other.id] : [])]) {
        const noConnection = await get(`${org.id}/${route}/${id}`);
        expect(noConnection.status).toBe(404);
        expect(await noConnection.json()).toMatchObject({ errorCode: 'inexistent_connection' });
      }
    }
  });

  it("never serves another tenant's connection", async () => {
    const on = settingsOf(org).find((s) => s.is_enabled)!;
    const response = await fetch(
      `${emulator.url}/api/v2/organizations/${org.id}/enabled_connections/${on.connection_id}`,
      { headers: { authorization: `Bearer ${emulator.secondTenant.credentials.token}` } },
    );
    expect(response.status).toBe(404);
  });
});
