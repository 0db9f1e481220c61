import { expect } from '@jest/globals';
import type {
  CruxAccountManagerJson,
  CruxConnectionJson,
  CruxLoginJson,
  CruxOrganizationJson,
  CruxPermissionJson,
  CruxPersonJson,
  CruxUserJson,
} from '../../src/emulators/crux/crux-data';
import { CruxEmulator } from '../../src/emulators/crux/crux-emulator';
import { organizationName } from '../../src/emulators/shared-names';

const ORG_STATUSES = ['PENDING', 'ACTIVE', 'DEACTIVATED'];
const LINK_STATUSES = ['CONFIRMATION WAITING', 'ACTIVE', 'DEACTIVATED'];
const PERSON_KEYS = ['email', 'first_name', 'job_title', 'last_name', 'phone', 'uuid'];
const ORG_KEYS = [
  'account_manager',
  'active_date',
  'created_date',
  'name',
  'org_type',
  'status',
  'uuid',
  'website',
];
const PERMISSION_KEYS = ['description', 'display_name', 'grouping', 'name', 'uuid', 'visibility'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// Response bodies are typed as the wire shapes the emulator claims to serve: the tests check that
// claim field by field.

function keys(value: unknown): string[] {
  return Object.keys(value as object).sort();
}

function expectPerson(person: CruxPersonJson): void {
  expect(keys(person)).toEqual(PERSON_KEYS);
  expect(person.uuid).toMatch(UUID);
  expect(person.email).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+$/);
  expect(person.phone === null || typeof person.phone === 'string').toBe(true);
}

function expectAccountManager(manager: CruxAccountManagerJson | null): void {
  if (manager === null) return;
  expect(keys(manager)).toEqual(['person', 'uuid']);
  expectPerson(manager.person);
}

function expectOrganization(org: CruxOrganizationJson, orgType: string): void {
  expect(keys(org)).toEqual(ORG_KEYS);
  expect(org.org_type).toBe(orgType);
  expect(ORG_STATUSES).toContain(org.status);
  expect(typeof org.created_date).toBe('string');
  expectAccountManager(org.account_manager);
}

function expectPermission(permission: CruxPermissionJson): void {
  expect(keys(permission)).toEqual(PERMISSION_KEYS);
  expect(['SUPPLIER', 'RETAILER', 'BOTH']).toContain(permission.visibility);
}

function expectUser(user: CruxUserJson): void {
  expect(keys(user)).toEqual(['permission_assignments', 'person', 'status', 'uuid']);
  expectPerson(user.person);
  expect(LINK_STATUSES).toContain(user.status);
  expect(keys(user.permission_assignments)).toEqual(['org_user', 'permissions']);
  expect(user.permission_assignments.org_user).toEqual({ uuid: user.uuid });
  for (const entry of user.permission_assignments.permissions) {
    expect(keys(entry)).toEqual(['assigned', 'permission']);
    expect(typeof entry.assigned).toBe('boolean');
    expectPermission(entry.permission);
  }
}

describe('CruxEmulator', () => {
  const emulator = new CruxEmulator();

  beforeAll(() => emulator.start());
  afterEach(() => emulator.reset());
  afterAll(() => emulator.stop());

  function get(path: string, init: RequestInit = {}, token = emulator.credentials.token) {
    return fetch(`${emulator.url}${path}`, {
      ...init,
      headers: { Authorization: `Token ${token}`, ...init.headers },
    });
  }

  async function getJson<T>(path: string): Promise<T> {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    return (await response.json()) as T;
  }

  describe('endpoints', () => {
    it('serves your organization at /organizations/', async () => {
      const org = await getJson<CruxOrganizationJson>('/organizations/');
      expectOrganization(org, 'RETAILER');
      expect(org.name).toBe(organizationName(0));
      expect(org).toEqual(emulator.data.organization);
    });

    it('serves all connections as a bare array with both parties', async () => {
      const [connections, org] = await Promise.all([
        getJson<CruxConnectionJson[]>('/organizations/connections/'),
        getJson<CruxOrganizationJson>('/organizations/'),
      ]);
      expect(Array.isArray(connections)).toBe(true);
      expect(connections).toHaveLength(12);
      for (const connection of connections) {
        expect(keys(connection)).toEqual([
          'account_manager',
          'retailer',
          'retailers_supplier_account_number',
          'status',
          'supplier',
          'suppliers_retailer_account_number',
          'uuid',
        ]);
        expect(LINK_STATUSES).toContain(connection.status);
        expectAccountManager(connection.account_manager);
        expect(typeof connection.suppliers_retailer_account_number).toBe('string');
        expect(typeof connection.retailers_supplier_account_number).toBe('string');
        for (const side of ['retailer', 'supplier'] as const) {
          expect(keys(connection[side])).toEqual(['contact', 'organization', 'uuid']);
          expectPerson(connection[side].contact);
        }
        expect(connection.retailer.organization).toEqual(org);
        expect(connection.retailer.uuid).toBe(emulator.data.partyUuid);
        expect(connection.retailer.uuid).not.toBe(org.uuid);
        expectOrganization(connection.supplier.organization, 'SUPPLIER');
        expect(connection.supplier.uuid).not.toBe(connection.supplier.organization.uuid);
      }
    });

    it('serves users and permissions with one permission uuid per permission', async () => {
      const [users, permissions] = await Promise.all([
        getJson<CruxUserJson[]>('/organizations/users/all/'),
        getJson<CruxPermissionJson[]>('/organizations/all_permissions/'),
      ]);
      expect(users).toHaveLength(6);
      users.forEach(expectUser);
      expect(permissions.length).toBeGreaterThanOrEqual(8);
      permissions.forEach(expectPermission);
      for (const user of users) {
        expect(user.permission_assignments.permissions.map((p) => p.permission)).toEqual(
          permissions,
        );
      }
    });

    it('serves one user and their permissions, 404 for an unknown uuid', async () => {
      const user = emulator.data.users[2];
      expect(await getJson<unknown>(`/organizations/users/detail/${user.uuid}/`)).toEqual(user);
      expect(await getJson<unknown>(`/organizations/users/permissions/${user.uuid}/`)).toEqual({
        permissions: user.permission_assignments.permissions,
      });

      const unknown = '00000000-0000-4000-8000-000000000000';
      for (const path of ['detail', 'permissions']) {
        const response = await get(`/organizations/users/${path}/${unknown}/`);
        expect(response.status).toBe(404);
        expect(await response.json()).toEqual({ detail: 'Not found.' });
      }
    });

    it('answers 404 for paths without the trailing slash: no route, so Django’s HTML page', async () => {
      const response = await get('/organizations/connections');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<h1>Not Found</h1>');
    });
  });

  describe('authentication', () => {
    it('rejects a missing or wrong token with DRF bodies', async () => {
      const missing = await fetch(`${emulator.url}/organizations/connections/`);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('Token');
      expect(await missing.json()).toEqual({
        detail: 'Authentication credentials were not provided.',
      });

      const wrong = await get('/organizations/connections/', {}, 'not-the-token');
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toEqual({ detail: 'Invalid token.' });

      const bearer = await fetch(`${emulator.url}/organizations/`, {
        headers: { Authorization: `Bearer ${emulator.credentials.token}` },
      });
      expect(bearer.status).toBe(401);
    });

    it('logs in with the demo credentials and returns a working token', async () => {
      const { username, password, token } = emulator.credentials;
      const response = await fetch(`${emulator.url}/organizations/user-login/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ username, password }),
      });
      expect(response.status).toBe(200);
      const login = (await response.json()) as CruxLoginJson;
      expect(keys(login)).toEqual([
        'auth_token',
        'org_type',
        'org_uuid',
        'permission_assignments',
        'retailer_uuid',
        'supplier_uuid',
        'user_uuid',
      ]);
      expect(login).toMatchObject({
        auth_token: token,
        org_uuid: emulator.data.organization.uuid,
        user_uuid: emulator.data.users[0].uuid,
        retailer_uuid: emulator.data.partyUuid,
        supplier_uuid: '',
        org_type: 'RETAILER',
      });
      expect((await get('/organizations/', {}, login.auth_token)).status).toBe(200);
    });

    it('answers 400 for missing fields and 401 for wrong credentials', async () => {
      const login = (body: unknown) =>
        fetch(`${emulator.url}/organizations/user-login/`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      const missing = await login({ username: emulator.credentials.username });
      expect(missing.status).toBe(400);
      expect(await missing.json()).toEqual({ password: ['This field is required.'] });

      const wrong = await login({ username: emulator.credentials.username, password: 'nope' });
      expect(wrong.status).toBe(401);
      expect(((await wrong.json()) as { detail?: unknown }).detail).toEqual(expect.any(String));
    });
  });

  describe('seeding', () => {
    const others: CruxEmulator[] = [];
    afterAll(() => Promise.all(others.map((other) => other.stop())));

    async function started(options: ConstructorParameters<typeof CruxEmulator>[0]) {
      const other = new CruxEmulator(options);
      others.push(other);
      await other.start();
      return other;
    }

    async function text(target: CruxEmulator, path: string): Promise<string> {
      const response = await fetch(`${target.url}${path}`, {
        headers: { Authorization: `Token ${target.credentials.token}` },
      });
      return response.text();
    }

    it('serves identical JSON for the same seed and different JSON for another', async () => {
      const [a, b, c] = await Promise.all([
        started({ seed: 7 }),
        started({ seed: 7 }),
        started({ seed: 8 }),
      ]);
      for (const path of [
        '/organizations/',
        '/organizations/connections/',
        '/organizations/users/all/',
        '/organizations/all_permissions/',
      ]) {
        const [fromA, fromB, fromC] = await Promise.all([
          text(a, path),
          text(b, path),
          text(c, path),
        ]);
        expect(fromB).toBe(fromA);
        expect(fromC).not.toBe(fromA);
      }
    });

    it('serves 2000 connections for size 2000, quickly', async () => {
      const began = Date.now();
      const big = await started({ size: 2000, token: 'big-token' });
      const connections: unknown = JSON.parse(await text(big, '/organizations/connections/'));
      expect(connections).toHaveLength(2000);
      // Loose: generous enough for a slow CI machine, tight enough to catch quadratic seeding.
      expect(Date.now() - began).toBeLessThan(15000);
    });
  });

  describe('counters and knobs', () => {
    it('counts requests per route', async () => {
      await get('/organizations/connections/');
      await get('/organizations/connections/');
      await get(`/organizations/users/detail/${emulator.data.users[0].uuid}/`);
      expect(emulator.counter.count('GET /organizations/connections/')).toBe(2);
      expect(emulator.counter.count('GET /organizations/users/detail/:uuid/')).toBe(1);
      expect(emulator.counter.count('GET /organizations/users/all/')).toBe(0);
      expect(emulator.counter.count()).toBe(3);
    });

    it('adds latency', async () => {
      emulator.setKnobs({ latencyMs: 300 });
      const began = Date.now();
      expect((await get('/organizations/')).status).toBe(200);
      expect(Date.now() - began).toBeGreaterThanOrEqual(250);
    });

    it('throttles with DRF wording and Retry-After, and no rate-limit headers otherwise', async () => {
      emulator.setKnobs({ rateLimit: { limit: 2, periodSeconds: 60 } });
      const first = await get('/organizations/');
      expect(first.status).toBe(200);
      expect(first.headers.get('retry-after')).toBeNull();
      const names: string[] = [];
      first.headers.forEach((_value, name) => names.push(name));
      expect(names.filter((name) => name.includes('ratelimit'))).toEqual([]);
      expect((await get('/organizations/')).status).toBe(200);

      const third = await get('/organizations/');
      expect(third.status).toBe(429);
      const retryAfter = Number(third.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // DRF says "1 second" and "2 seconds": a 60-second window can be 1 second from its end.
      const unit = retryAfter === 1 ? 'second' : 'seconds';
      expect(await third.json()).toEqual({
        detail: `Request was throttled. Expected available in ${retryAfter} ${unit}.`,
      });
    });

    it('injects a status fault a given number of times', async () => {
      emulator.setKnobs({
        faults: [{ route: 'GET /organizations/connections/', status: 503, times: 1 }],
      });
      expect((await get('/organizations/')).status).toBe(200); // other routes unaffected
      const failed = await get('/organizations/connections/');
      expect(failed.status).toBe(503);
      expect(await failed.json()).toEqual({ detail: expect.any(String) });
      expect((await get('/organizations/connections/')).status).toBe(200);
    });

    it('injects truncated JSON', async () => {
      emulator.setKnobs({ faults: [{ malformed: 'truncated' }] });
      const response = await get('/organizations/users/all/');
      expect(response.status).toBe(200);
      await expect(response.json()).rejects.toThrow();
    });

    it('holds the response on a timeout fault until the client gives up', async () => {
      emulator.setKnobs({ faults: [{ timeout: true, times: 1 }] });
      await expect(
        get('/organizations/connections/', { signal: AbortSignal.timeout(300) }),
      ).rejects.toMatchObject({ name: expect.stringMatching(/TimeoutError|AbortError/) });
      expect((await get('/organizations/connections/')).status).toBe(200);
    });
  });

  describe('admin endpoints over HTTP', () => {
    const admin = (path: string, init?: RequestInit) =>
      fetch(`${emulator.url}/__emulator${path}`, init);

    it('reports counters, sets knobs and resets', async () => {
      await get('/organizations/all_permissions/');
      const counters: unknown = await (await admin('/counters')).json();
      expect(counters).toEqual({
        total: 1,
        byRoute: { 'GET /organizations/all_permissions/': 1 },
        byTenant: { first: 1 },
      });

      const put = await admin('/knobs', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ faults: [{ route: 'GET /organizations/', status: 500 }] }),
      });
      expect(put.status).toBe(200);
      expect((await get('/organizations/')).status).toBe(500);

      expect((await admin('/reset', { method: 'POST' })).status).toBe(204);
      expect((await get('/organizations/')).status).toBe(200);
      expect(await (await admin('/counters')).json()).toEqual({
        total: 1,
        byRoute: { 'GET /organizations/': 1 },
        byTenant: { first: 1 },
      });
    });
  });
});
