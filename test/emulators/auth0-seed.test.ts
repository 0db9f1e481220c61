import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import { seedAuth0 } from '../../src/emulators/auth0/auth0-seed';
import type { Auth0Organization } from '../../src/emulators/auth0/auth0-data';
import { organizationName } from '../../src/emulators/shared-names';

describe('Auth0 seed', () => {
  it('is deterministic: the same seed gives identical data, another seed different data', () => {
    expect(seedAuth0({ seed: 7, size: 30 })).toEqual(seedAuth0({ seed: 7, size: 30 }));
    expect(seedAuth0({ seed: 8, size: 30 }).organizations[0].id).not.toBe(
      seedAuth0({ seed: 7, size: 30 }).organizations[0].id,
    );
  });

  it('names organizations from a third of the way into the shared list', () => {
    const data = seedAuth0({ seed: 42, size: 12 });
    expect(data.organizations.map((o) => o.display_name)).toEqual(
      Array.from({ length: 12 }, (_, i) => organizationName(4 + i)),
    );
    expect(data.organizations[0]).toMatchObject({ name: 'stark', display_name: 'Stark' });
  });

  it('keeps the invariants the endpoints rely on', () => {
    const data = seedAuth0({ seed: 42, size: 300 });
    const ids = data.organizations.map((o) => o.id);
    expect(new Set(ids).size).toBe(300);
    expect(new Set(data.organizations.map((o) => o.name)).size).toBe(300);
    expect(data.connections).toHaveLength(6);
    expect(data.roles.map((r) => r.name)).toEqual([
      'admin',
      'viewer',
      'billing-manager',
      'support',
    ]);
    const strategy = new Map(data.connections.map((c) => [c.id, c.strategy]));
    for (const id of ids) {
      const settings = data.organizationConnections[id];
      expect(settings.length).toBeGreaterThanOrEqual(1);
      expect(settings.length).toBeLessThanOrEqual(4);
      for (const s of settings) {
        expect(s.is_signup_enabled !== undefined).toBe(strategy.get(s.connection_id) === 'auth0');
      }
      const members = data.memberships[id];
      expect(members.length).toBeGreaterThanOrEqual(1);
      expect(members.length).toBeLessThanOrEqual(5);
      expect(new Set(members.map((m) => m.user_id)).size).toBe(members.length);
      for (const m of members) expect(m.role_ids.length).toBeLessThanOrEqual(2);
    }
    expect(new Set(data.users.map((u) => u.email)).size).toBe(data.users.length);
  });
});

describe('Auth0 emulator at size 2000', () => {
  const emulator = new Auth0Emulator({ size: 2000, seed: 3 });
  const json = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${emulator.url}${path}`, {
      headers: { authorization: `Bearer ${emulator.credentials.token}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());

  it('walks all 2000 organizations with checkpoint paging', async () => {
    const seen: string[] = [];
    let from = '';
    for (;;) {
      const body = await json<{ organizations: Auth0Organization[]; next?: string }>(
        `/api/v2/organizations?take=100${from}`,
      );
      seen.push(...body.organizations.map((o) => o.id));
      if (body.next === undefined) break;
      from = `&from=${body.next}`;
    }
    expect(seen).toHaveLength(2000);
    expect(seen).toEqual(emulator.data.organizations.map((o) => o.id));
  });

  it('reaches only the first 1000 with offset paging, then answers 400 as Auth0 does', async () => {
    type Page = { organizations: Auth0Organization[]; total: number };
    const last = await json<Page>('/api/v2/organizations?include_totals=true&per_page=100&page=9');
    expect(last.organizations).toHaveLength(100);
    expect(last.total).toBe(2000);
    const beyond = await fetch(
      `${emulator.url}/api/v2/organizations?include_totals=true&per_page=100&page=10`,
      { headers: { authorization: `Bearer ${emulator.credentials.token}` } },
    );
    expect(beyond.status).toBe(400);
  });

  it('finds an organization deep in the list by id and by name', async () => {
    const org = emulator.data.organizations[1999];
    expect(await json(`/api/v2/organizations/${org.id}`)).toEqual(org);
    expect(await json(`/api/v2/organizations/name/${org.name}`)).toEqual(org);
  });
});
