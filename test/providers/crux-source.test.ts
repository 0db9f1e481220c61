import { CruxEmulator } from '../../src/emulators/crux/crux-emulator';
import { CruxClient } from '../../src/providers/crux/crux-client';
import { CruxSource } from '../../src/providers/crux/crux-source';

const CONNECTIONS = 'GET /organizations/connections/';
const USERS = 'GET /organizations/users/all/';
const OWN_ORG = 'GET /organizations/';
const PERMISSIONS = 'GET /organizations/all_permissions/';

describe('CruxSource over a real client (a retailer with 12 suppliers)', () => {
  const emulator = new CruxEmulator({ seed: 42, size: 12 });
  const data = () => emulator.data;

  /** A fresh source per test, as orgraph builds one per GraphQL request. */
  const sourceFor = () =>
    new CruxSource(
      new CruxClient(
        { baseURL: emulator.url, retry: { retries: 2, timeoutMs: 2000, maxRetryDelayMs: 500 } },
        { token: emulator.credentials.token },
      ),
    );

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('lists your organization and every partner from one connections call', async () => {
    const orgs = await sourceFor().organizations();
    expect(orgs.map((o) => o.key)).toEqual([
      data().organization.uuid,
      ...data().partners.map((p) => p.uuid),
    ]);
    expect(emulator.counter.byRoute()).toEqual({ [CONNECTIONS]: 1 });
  });

  it('resolves 4 organizations by key, yours included, with one connections call', async () => {
    const source = sourceFor();
    const partners = data().partners.slice(0, 3);
    const keys = [data().organization.uuid, ...partners.map((p) => p.uuid)];
    const orgs = await Promise.all(keys.map((k) => source.organization(k)));
    expect(orgs.map((o) => o?.key)).toEqual(keys);
    expect(orgs[1]).toMatchObject({
      provider: 'CRUX',
      name: partners[0].name,
      website: partners[0].website,
      orgType: 'SUPPLIER',
      status: partners[0].status,
    });
    expect(orgs[0]).toMatchObject({ name: data().organization.name, orgType: 'RETAILER' });
    expect(emulator.counter.byRoute()).toEqual({ [CONNECTIONS]: 1 });
  });

  it('answers an unknown organization with null', async () => {
    expect(await sourceFor().organization('00000000-0000-4000-8000-000000000000')).toBeNull();
    // Not in the connection list, so /organizations/ is asked too, in case it is your own.
    expect(emulator.counter.byRoute()).toEqual({ [CONNECTIONS]: 1, [OWN_ORG]: 1 });
  });

  it('resolves connections by key from one call, with space-free statuses', async () => {
    const source = sourceFor();
    const expected = data().connections.slice(0, 5);
    const found = await Promise.all([
      ...expected.map((c) => source.connection(c.uuid)),
      source.connection('00000000-0000-4000-8000-000000000000'),
    ]);
    expect(found.map((c) => c?.key ?? null)).toEqual([...expected.map((c) => c.uuid), null]);
    found.slice(0, 5).forEach((connection, i) => {
      const raw = expected[i];
      expect(connection).toMatchObject({
        status: raw.status.replace(' ', '_'),
        suppliersRetailerAccountNumber: raw.suppliers_retailer_account_number,
        retailersSupplierAccountNumber: raw.retailers_supplier_account_number,
        organizationRefs: [
          { provider: 'CRUX', key: raw.retailer.organization.uuid },
          { provider: 'CRUX', key: raw.supplier.organization.uuid },
        ],
      });
    });
    expect(emulator.counter.byRoute()).toEqual({ [CONNECTIONS]: 1 });
  });

  it('lists the connections of one partner organization: exactly the one linking it', async () => {
    const partner = data().partners[4];
    const connections = await sourceFor().connections({ organizationKey: partner.uuid });
    expect(connections.map((c) => c.key)).toEqual([data().connections[4].uuid]);
  });

  it('resolves users by key from one call, with names and permission assignments', async () => {
    const source = sourceFor();
    const expected = data().users.slice(0, 3);
    const users = await Promise.all(expected.map((u) => source.user(u.uuid)));
    users.forEach((user, i) => {
      const raw = expected[i];
      expect(user).toMatchObject({
        key: raw.uuid,
        name: `${raw.person.first_name} ${raw.person.last_name}`,
        email: raw.person.email,
        status: raw.status.replace(' ', '_'),
        orgUserId: raw.permission_assignments.org_user.uuid,
      });
      expect(user!.permissionAssignments.map((a) => [a.permission.key, a.assigned])).toEqual(
        raw.permission_assignments.permissions.map((a) => [a.permission.uuid, a.assigned]),
      );
    });
    expect(await source.user('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(emulator.counter.byRoute()).toEqual({ [USERS]: 1 });
  });

  it('resolves permissions by key from one catalogue call, descriptions included', async () => {
    const source = sourceFor();
    const found = await Promise.all(data().permissions.map((p) => source.permission(p.uuid)));
    expect(found.map((p) => [p?.key, p?.name, p?.description])).toEqual(
      data().permissions.map((p) => [p.uuid, p.name, p.description]),
    );
    expect(await source.permission('00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(emulator.counter.byRoute()).toEqual({ [PERMISSIONS]: 1 });
  });

  it('lists no users for a partner organization: Crux shows only your own users', async () => {
    const source = sourceFor();
    expect(await source.usersOfOrganization(data().partners[0].uuid)).toEqual([]);
    expect(emulator.counter.byRoute()).toEqual({ [OWN_ORG]: 1 });
  });

  it('lists every user for your own organization', async () => {
    const users = await sourceFor().usersOfOrganization(data().organization.uuid);
    expect(users.map((u) => u.key)).toEqual(data().users.map((u) => u.uuid));
    expect(emulator.counter.byRoute()).toEqual({ [OWN_ORG]: 1, [USERS]: 1 });
  });

  it('places every user in your own organization', async () => {
    const orgs = await sourceFor().organizationsOfUser(data().users[2].uuid);
    expect(orgs.map((o) => o.key)).toEqual([data().organization.uuid]);
  });

  it('lists the users a permission is assigned to, not those it is merely listed for', async () => {
    const permission = data().permissions[5];
    const users = await sourceFor().usersWithPermission(permission.uuid);
    expect(users.map((u) => u.key)).toEqual(
      data()
        .users.filter((u) =>
          u.permission_assignments.permissions.some(
            (a) => a.assigned && a.permission.uuid === permission.uuid,
          ),
        )
        .map((u) => u.uuid),
    );
    expect(users.length).toBeLessThan(data().users.length);
  });

  it('asks a failing endpoint once per request, however many lookups need it', async () => {
    emulator.setKnobs({ faults: [{ route: CONNECTIONS, status: 500 }] });
    const source = sourceFor();
    const keys = data()
      .connections.slice(0, 3)
      .map((c) => c.uuid);
    const results = await Promise.allSettled([
      ...keys.map((k) => source.connection(k)),
      source.organizations(),
    ]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    await expect(source.connection(keys[0])).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'CRUX' },
    });
    // 1 + 2 retries, for the whole request.
    expect(emulator.counter.count(CONNECTIONS)).toBe(3);
  });
});

describe('CruxSource for an account without connections', () => {
  const emulator = new CruxEmulator({ seed: 42, size: 0 });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());

  it('lists your own organization alone, from one call to /organizations/', async () => {
    const source = new CruxSource(
      new CruxClient(
        { baseURL: emulator.url, retry: { retries: 2, timeoutMs: 2000, maxRetryDelayMs: 500 } },
        { token: emulator.credentials.token },
      ),
    );
    const orgs = await source.organizations();
    expect(orgs.map((o) => o.key)).toEqual([emulator.data.organization.uuid]);
    expect((await source.organization(emulator.data.organization.uuid))?.name).toBe(
      emulator.data.organization.name,
    );
    expect(await source.connections({})).toEqual([]);
    expect(emulator.counter.byRoute()).toEqual({ [CONNECTIONS]: 1, [OWN_ORG]: 1 });
  });
});
