import { expect } from '@jest/globals';
import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import type {
  Auth0EnabledConnection,
  Auth0Member,
  Auth0Organization,
  Auth0OrganizationConnection,
  Auth0Role,
} from '../../src/emulators/auth0/auth0-data';

type Offset<K extends string, T> = Record<K, T[]> & { start: number; limit: number; total: number };
type Checkpoint<K extends string, T> = Record<K, T[]> & { next?: string };

const ORG_ID = /^org_[A-Za-z0-9]{16}$/;
const USER_ID = /^auth0\|[0-9a-f]{24}$/;
const ACCESS_LEVELS = ['none', 'readonly', 'limited', 'full'];

describe('Auth0 emulator: Management API v2 organizations', () => {
  const emulator = new Auth0Emulator();
  const orgs = emulator.data.organizations;
  const get = (path: string) =>
    fetch(`${emulator.url}${path}`, {
      headers: { authorization: `Bearer ${emulator.credentials.token}` },
    });
  const json = async <T>(path: string): Promise<T> => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    return (await response.json()) as T;
  };
  const expectError = async (
    path: string,
    status: number,
    message: RegExp | string,
    code?: string,
  ) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      statusCode: status,
      error: status === 400 ? 'Bad Request' : 'Not Found',
      message: typeof message === 'string' ? message : expect.stringMatching(message),
      ...(code === undefined ? {} : { errorCode: code }),
    });
  };
  /** An organization with at least `n` enabled connections, members, or whatever `count` measures. */
  const orgWith = (count: (o: Auth0Organization) => number, n: number) => {
    const found = orgs.find((o) => count(o) >= n);
    if (!found) throw new Error(`seed 42 has no organization with ${n}`);
    return found;
  };

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  describe('GET /api/v2/organizations', () => {
    it('returns a bare array of the recorded organization shape by default', async () => {
      const body = await json<Auth0Organization[]>('/api/v2/organizations');
      expect(body).toEqual(orgs);
      expect(body).toHaveLength(12);
      for (const org of body) {
        expect(org.id).toMatch(ORG_ID);
        expect(Object.keys(org)[0]).toBe('id');
        expect(org.name).toMatch(/^[a-z0-9-]+$/);
        if (org.branding) expect(org.branding.logo_url).toMatch(/^https:\/\//);
        if (org.branding?.colors) {
          expect(org.branding.colors).toEqual({
            primary: expect.stringMatching(/^#[0-9A-F]{6}$/),
            page_background: expect.stringMatching(/^#[0-9A-F]{6}$/),
          });
        }
        for (const value of Object.values(org.metadata ?? {})) expect(typeof value).toBe('string');
      }
      expect(body.some((o) => o.branding === undefined)).toBe(true);
      expect(body.some((o) => o.metadata === undefined)).toBe(true);
    });

    it('walks every organization once with offset paging and include_totals', async () => {
      const seen: string[] = [];
      for (let page = 0; ; page++) {
        const body = await json<Offset<'organizations', Auth0Organization>>(
          `/api/v2/organizations?include_totals=true&per_page=5&page=${page}`,
        );
        expect(Object.keys(body)).toEqual(['organizations', 'start', 'limit', 'total']);
        // As recorded: limit is per_page on this endpoint, unlike the connection lists.
        expect(body).toMatchObject({ start: page * 5, limit: 5, total: 12 });
        if (body.organizations.length === 0) break;
        seen.push(...body.organizations.map((o) => o.id));
      }
      expect(seen).toEqual(orgs.map((o) => o.id));
    });

    it('walks every organization once with checkpoint paging, next absent on the last page', async () => {
      const seen: string[] = [];
      let from: string | undefined;
      let pages = 0;
      do {
        // The recordings send include_totals and per_page along with take; take still wins.
        const query = `include_totals=true&per_page=50&take=5${from ? `&from=${from}` : ''}`;
        const body = await json<Checkpoint<'organizations', Auth0Organization>>(
          `/api/v2/organizations?${query}`,
        );
        expect(Object.keys(body).sort()).toEqual(
          body.next === undefined ? ['organizations'] : ['next', 'organizations'],
        );
        if (body.next !== undefined) {
          expect(body.next).toMatch(/^[A-Za-z0-9_-]+$/);
          expect(Buffer.from(body.next, 'base64url').toString()).toMatch(
            /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}UTC,org_/,
          );
        }
        seen.push(...body.organizations.map((o) => o.id));
        from = body.next;
        pages++;
      } while (from !== undefined);
      expect(pages).toBe(3);
      expect(seen).toEqual(orgs.map((o) => o.id));
    });

    it('answers take alone with the object form', async () => {
      const body = await json<Checkpoint<'organizations', Auth0Organization>>(
        '/api/v2/organizations?take=2',
      );
      expect(body.organizations).toEqual(orgs.slice(0, 2));
      expect(body.next).toEqual(expect.any(String));
    });

    it('rejects out-of-range paging and bad cursors with 400 invalid_query_string', async () => {
      const base = '/api/v2/organizations';
      await expectError(`${base}?per_page=0`, 400, /on property per_page/, 'invalid_query_string');
      await expectError(
        `${base}?per_page=101`,
        400,
        /greater than maximum 100/,
        'invalid_query_string',
      );
      await expectError(`${base}?page=-1`, 400, /less than minimum 0/, 'invalid_query_string');
      await expectError(`${base}?take=101`, 400, /on property take/, 'invalid_query_string');
      await expectError(`${base}?from=bm9wZQ`, 400, /on property from/, 'invalid_query_string');
    });
  });

  describe('GET /api/v2/organizations/:id and /name/:name', () => {
    it('reads one organization by id and by name', async () => {
      const org = orgs[3];
      expect(await json(`/api/v2/organizations/${org.id}`)).toEqual(org);
      expect(await json(`/api/v2/organizations/name/${org.name}`)).toEqual(org);
    });

    it('answers unknown ids and names with the documented 404', async () => {
      const message = 'No organization found by that id or name';
      await expectError('/api/v2/organizations/org_doesnotexist0000', 404, message);
      await expectError('/api/v2/organizations/name/no-such-org', 404, message);
    });

    it('rejects ids longer than 50 characters with a path validation 400', async () => {
      const id = `org_${'x'.repeat(47)}`;
      expect(id).toHaveLength(51);
      const message =
        "Path validation error: 'String is too long (51 chars), maximum 50' on property id " +
        '(Organization identifier).';
      await expectError(`/api/v2/organizations/${id}`, 400, message, 'invalid_uri');
      await expectError(`/api/v2/organizations/${id}/connections`, 400, message, 'invalid_uri');
      // 50 characters pass validation and reach the lookup.
      await expectError(`/api/v2/organizations/${id.slice(1)}`, 404, /No organization/);
    });
  });

  describe('connections of an organization', () => {
    const settingsOf = (o: Auth0Organization) => emulator.data.organizationConnections[o.id];
    const enabledCount = (o: Auth0Organization) => settingsOf(o).filter((s) => s.is_enabled).length;

    it('serves enabled_connections in the recorded shape, only connections switched on', async () => {
      for (const org of orgs) {
        const body = await json<Auth0EnabledConnection[]>(
          `/api/v2/organizations/${org.id}/enabled_connections`,
        );
        expect(body.map((c) => c.connection_id)).toEqual(
          settingsOf(org)
            .filter((s) => s.is_enabled)
            .map((s) => s.connection_id),
        );
        for (const item of body) {
          const expectedKeys = ['connection_id', 'assign_membership_on_login'];
          if (item.connection.strategy === 'auth0') expectedKeys.push('is_signup_enabled');
          expect(Object.keys(item)).toEqual([...expectedKeys, 'show_as_button', 'connection']);
          expect(Object.keys(item.connection)).toEqual(['name', 'strategy']);
        }
      }
    });

    it('serves connections with the newer fields and is_signup_enabled only on database ones', async () => {
      const all: Auth0OrganizationConnection[] = [];
      for (const org of orgs) {
        all.push(
          ...(await json<Auth0OrganizationConnection[]>(
            `/api/v2/organizations/${org.id}/connections`,
          )),
        );
      }
      for (const item of all) {
        expect(item.connection_id).toMatch(/^con_[A-Za-z0-9]{16}$/);
        expect(ACCESS_LEVELS).toContain(item.organization_access_level);
        expect(typeof item.is_enabled).toBe('boolean');
        expect('is_signup_enabled' in item).toBe(item.connection.strategy === 'auth0');
      }
      expect(all.some((c) => c.organization_connection_name !== undefined)).toBe(true);
      expect(all.some((c) => c.organization_connection_name === undefined)).toBe(true);
      expect(all.some((c) => !c.is_enabled)).toBe(true);
    });

    it('filters connections by is_enabled', async () => {
      const org = orgWith((o) => settingsOf(o).length - enabledCount(o), 1);
      const path = `/api/v2/organizations/${org.id}/connections`;
      const enabled = await json<Auth0OrganizationConnection[]>(`${path}?is_enabled=true`);
      const disabled = await json<Auth0OrganizationConnection[]>(`${path}?is_enabled=false`);
      expect(enabled.every((c) => c.is_enabled)).toBe(true);
      expect(disabled.length).toBeGreaterThan(0);
      expect(disabled.every((c) => !c.is_enabled)).toBe(true);
      expect(enabled.length + disabled.length).toBe(settingsOf(org).length);
      await expectError(
        `${path}?is_enabled=yes`,
        400,
        /on property is_enabled/,
        'invalid_query_string',
      );
    });

    it('reproduces the recorded quirk: include_totals limit is the item count, not per_page', async () => {
      const org = orgWith(enabledCount, 2);
      const total = enabledCount(org);
      const first = await json<Offset<'enabled_connections', Auth0EnabledConnection>>(
        `/api/v2/organizations/${org.id}/enabled_connections?include_totals=true&per_page=50`,
      );
      expect(Object.keys(first)).toEqual(['enabled_connections', 'start', 'limit', 'total']);
      expect(first).toMatchObject({ start: 0, limit: total, total });

      const paged = await json<Offset<'connections', Auth0OrganizationConnection>>(
        `/api/v2/organizations/${org.id}/connections?include_totals=true&per_page=1&page=1`,
      );
      expect(paged).toMatchObject({ start: 1, limit: 1, total: settingsOf(org).length });
      const beyond = await json<Offset<'connections', Auth0OrganizationConnection>>(
        `/api/v2/organizations/${org.id}/connections?include_totals=true&page=9`,
      );
      expect(beyond).toMatchObject({ connections: [], limit: 0, start: 450 });
    });

    it('rejects out-of-range paging with 400 and unknown organizations with 404', async () => {
      const id = orgs[0].id;
      for (const endpoint of ['connections', 'enabled_connections']) {
        const path = `/api/v2/organizations/${id}/${endpoint}`;
        await expectError(
          `${path}?per_page=0`,
          400,
          "Query validation error: 'Value 0 is less than minimum 1' on property per_page " +
            '(Number of results per page. Defaults to 50.).',
          'invalid_query_string',
        );
        await expectError(`${path}?per_page=101`, 400, /maximum 100/, 'invalid_query_string');
        await expectError(`${path}?page=-1`, 400, /minimum 0/, 'invalid_query_string');
        await expectError(`${path}?page=one`, 400, /Expected type integer/, 'invalid_query_string');
        await expectError(
          `/api/v2/organizations/org_0000000000000000/${endpoint}`,
          404,
          'No organization found by that id or name',
        );
      }
    });
  });

  describe('members and their roles', () => {
    const membersOf = (o: Auth0Organization) => emulator.data.memberships[o.id];

    it('serves members without roles by default, as a bare array', async () => {
      const org = orgWith((o) => membersOf(o).length, 2);
      const body = await json<Auth0Member[]>(`/api/v2/organizations/${org.id}/members`);
      expect(body.map((m) => m.user_id)).toEqual(membersOf(org).map((m) => m.user_id));
      for (const member of body) {
        expect(Object.keys(member)).toEqual(['user_id', 'email', 'picture', 'name']);
        expect(member.user_id).toMatch(USER_ID);
        expect(member.email).toMatch(/@example\.com$/);
      }
    });

    it('adds roles when fields asks for them (recorded fields=user_id,roles)', async () => {
      const org = orgWith((o) => membersOf(o).filter((m) => m.role_ids.length > 0).length, 1);
      const body = await json<Offset<'members', Auth0Member>>(
        `/api/v2/organizations/${org.id}/members?fields=user_id%2Croles&include_fields=true&include_totals=true&per_page=50`,
      );
      expect(body).toMatchObject({ start: 0, limit: 50, total: membersOf(org).length });
      const roleName = new Map(emulator.data.roles.map((r) => [r.id, r.name]));
      expect(body.members).toEqual(
        membersOf(org).map((m) => ({
          user_id: m.user_id,
          roles: m.role_ids.map((id) => ({ id, name: roleName.get(id) })),
        })),
      );
      const excluded = await json<Auth0Member[]>(
        `/api/v2/organizations/${org.id}/members?fields=email,picture&include_fields=false`,
      );
      for (const member of excluded) expect(Object.keys(member)).toEqual(['user_id', 'name']);
    });

    it('walks members with checkpoints; next stays until an empty page, as recorded', async () => {
      const org = orgWith((o) => membersOf(o).length, 3);
      const seen: string[] = [];
      let from = '';
      for (let pages = 0; pages < 10; pages++) {
        const body = await json<Checkpoint<'members', Auth0Member>>(
          `/api/v2/organizations/${org.id}/members?include_totals=true&per_page=50&take=2${from}`,
        );
        if (body.members.length === 0) {
          expect(body).toEqual({ members: [] });
          break;
        }
        expect(body.next).toEqual(expect.any(String));
        seen.push(...body.members.map((m) => m.user_id!));
        from = `&from=${body.next}`;
      }
      expect(seen).toEqual(membersOf(org).map((m) => m.user_id));
    });

    it('lists a member’s roles in the organization with include_totals', async () => {
      const org = orgWith((o) => membersOf(o).filter((m) => m.role_ids.length > 0).length, 1);
      const membership = membersOf(org).find((m) => m.role_ids.length > 0)!;
      const path = `/api/v2/organizations/${org.id}/members/${encodeURIComponent(membership.user_id)}/roles`;
      expect(path).toContain('auth0%7C');
      const body = await json<Offset<'roles', Auth0Role>>(
        `${path}?include_totals=true&per_page=50`,
      );
      expect(body).toEqual({
        roles: membership.role_ids.map((id) => emulator.data.roles.find((r) => r.id === id)),
        start: 0,
        limit: 50,
        total: membership.role_ids.length,
      });
      for (const role of body.roles)
        expect(Object.keys(role)).toEqual(['id', 'name', 'description']);
      expect(await json<Auth0Role[]>(path)).toEqual(body.roles);
    });

    it('answers 404 for a user who is not a member', async () => {
      const org = orgs[0];
      const outsider = emulator.data.users.find(
        (u) => !membersOf(org).some((m) => m.user_id === u.user_id),
      )!;
      const response = await get(
        `/api/v2/organizations/${org.id}/members/${encodeURIComponent(outsider.user_id)}/roles`,
      );
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    });

    it('shares users between organizations', () => {
      const counts = new Map<string, number>();
      for (const org of orgs) {
        for (const m of membersOf(org)) counts.set(m.user_id, (counts.get(m.user_id) ?? 0) + 1);
      }
      expect([...counts.values()].some((n) => n > 1)).toBe(true);
    });
  });

  it('counts requests per route', async () => {
    const id = orgs[0].id;
    await get(`/api/v2/organizations/${id}/connections`);
    await get(`/api/v2/organizations/${id}/connections?is_enabled=true`);
    await get(`/api/v2/organizations/${id}/enabled_connections`);
    expect(emulator.counter.count('GET /api/v2/organizations/:id/connections')).toBe(2);
    expect(emulator.counter.count('GET /api/v2/organizations/:id/enabled_connections')).toBe(1);
    expect(emulator.counter.count()).toBe(3);
  });
});
