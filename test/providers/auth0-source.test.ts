import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import { Auth0Client } from '../../src/providers/auth0/auth0-client';
import { membershipKey } from '../../src/providers/auth0/auth0-keys';
import { Auth0Source } from '../../src/providers/auth0/auth0-source';

const ORGS = 'GET /api/v2/organizations';
const ORG = 'GET /api/v2/organizations/:id';
const CONNECTIONS = 'GET /api/v2/organizations/:id/connections';
const MEMBERS = 'GET /api/v2/organizations/:id/members';
const ROLES = 'GET /api/v2/roles';
const ROLE = 'GET /api/v2/roles/:id';

const sorted = (values: string[]) => [...values].sort();

describe('Auth0Source over a real client (12 organizations)', () => {
  const emulator = new Auth0Emulator({ seed: 42, size: 12 });
  const data = () => emulator.data;
  const orgIds = () => data().organizations.map((o) => o.id);

  /** A fresh source per test, as orgraph builds one per GraphQL request. */
  const sourceFor = () =>
    new Auth0Source(
      new Auth0Client(
        {
          baseURL: `${emulator.url}/api/v2/`,
          retry: { retries: 2, timeoutMs: 2000, maxRetryDelayMs: 500 },
        },
        () => Promise.resolve(emulator.credentials.token),
      ),
    );

  /** Every (organization, user) membership holding a role, as the emulator stores them. */
  const holdersOf = (roleId: string) =>
    orgIds().flatMap((orgId) =>
      data()
        .memberships[orgId].filter((m) => m.role_ids.includes(roleId))
        .map((m) => membershipKey(orgId, m.user_id)),
    );
  const heldRoleIds = () =>
    new Set(orgIds().flatMap((id) => data().memberships[id].flatMap((m) => m.role_ids)));

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  describe('organizations', () => {
    it('resolves 1 organization by key with one GET by id, no listing', async () => {
      const expected = data().organizations.find((o) => o.metadata && o.branding)!;
      const org = await sourceFor().organization(expected.id);
      expect(org).toMatchObject({
        provider: 'AUTH0',
        key: expected.id,
        nativeId: expected.id,
        name: expected.name,
        displayName: expected.display_name,
        metadata: expected.metadata,
      });
      expect(org!.branding?.logoUrl).toBe(expected.branding!.logo_url);
      expect(emulator.counter.byRoute()).toEqual({ [ORG]: 1 });
    });

    it('resolves 3 organizations by key in the same tick with one listing call', async () => {
      const source = sourceFor();
      const keys = [orgIds()[2], orgIds()[7], orgIds()[11]];
      const orgs = await Promise.all(keys.map((k) => source.organization(k)));
      expect(orgs.map((o) => o?.key)).toEqual(keys);
      expect(orgs.map((o) => o?.name)).toEqual(
        keys.map((k) => data().organizations.find((o) => o.id === k)!.name),
      );
      expect(emulator.counter.byRoute()).toEqual({ [ORGS]: 1 });
    });

    it('answers an unknown organization with null, not an error', async () => {
      const source = sourceFor();
      expect(await source.organization('org_unknown000000000')).toBeNull();
      expect(emulator.counter.requests().map((r) => r.status)).toEqual([404]);
      // Among several keys the listing answers, and the unknown one is still null.
      const [known, unknown] = await Promise.all([
        source.organization(orgIds()[0]),
        source.organization('org_unknown111111111'),
      ]);
      expect(known?.key).toBe(orgIds()[0]);
      expect(unknown).toBeNull();
      expect(emulator.counter.count(ORGS)).toBe(1);
    });

    it('answers an over-long (51-character) organization id with null and no call', async () => {
      const tooLong = `org_${'x'.repeat(47)}`;
      expect(tooLong).toHaveLength(51);
      expect(await sourceFor().organization(tooLong)).toBeNull();
      expect(emulator.counter.count()).toBe(0);
    });

    it('answers lookups from the listing once organizations() has loaded it', async () => {
      const source = sourceFor();
      expect((await source.organizations()).map((o) => o.key)).toEqual(orgIds());
      expect((await source.organization(orgIds()[4]))?.key).toBe(orgIds()[4]);
      expect(emulator.counter.byRoute()).toEqual({ [ORGS]: 1 });
    });
  });

  describe('connections', () => {
    it('resolves a connection by its (organization, connection) key', async () => {
      const orgId = orgIds()[3];
      const settings = data().organizationConnections[orgId][0];
      const tenantConnection = data().connections.find((c) => c.id === settings.connection_id)!;
      const key = membershipKey(orgId, settings.connection_id);
      const connection = await sourceFor().connection(key);
      expect(connection).toMatchObject({
        key,
        nativeId: settings.connection_id,
        kind: 'IDENTITY',
        identityConnection: {
          connectionId: settings.connection_id,
          name: tenantConnection.name,
          strategy: tenantConnection.strategy,
        },
        organizationAccessLevel: settings.organization_access_level,
        isEnabled: settings.is_enabled,
        organizationRefs: [{ provider: 'AUTH0', key: orgId }],
      });
      expect(emulator.counter.byRoute()).toEqual({ [CONNECTIONS]: 1 });
    });

    it('resolves every connection of an organization with one call, and null for the rest', async () => {
      const source = sourceFor();
      const orgId = orgIds()[5];
      const keys = data().organizationConnections[orgId].map((s) =>
        membershipKey(orgId, s.connection_id),
      );
      const other = data().connections.find(
        (c) => !data().organizationConnections[orgId].some((s) => s.connection_id === c.id),
      )!;
      const found = await Promise.all(
        [...keys, membershipKey(orgId, other.id)].map((k) => source.connection(k)),
      );
      expect(found.map((c) => c?.key ?? null)).toEqual([...keys, null]);
      expect(emulator.counter.byRoute()).toEqual({ [CONNECTIONS]: 1 });
    });

    it('answers malformed keys and unknown organizations with null', async () => {
      const source = sourceFor();
      expect(await source.connection('not-a-composite-key')).toBeNull();
      expect(await source.connection(membershipKey(`org_${'y'.repeat(47)}`, 'con_x'))).toBeNull();
      expect(emulator.counter.count()).toBe(0);
      expect(await source.connection(membershipKey('org_unknown000000000', 'con_x'))).toBeNull();
      expect(emulator.counter.requests().map((r) => r.status)).toEqual([404]);
    });

    it('filters one organization’s connections by enabled', async () => {
      const orgId = orgIds().find((id) =>
        data().organizationConnections[id].some((s) => !s.is_enabled),
      )!;
      const enabled = await sourceFor().connections({ organizationKey: orgId, enabled: true });
      expect(enabled.map((c) => c.nativeId)).toEqual(
        data()
          .organizationConnections[orgId].filter((s) => s.is_enabled)
          .map((s) => s.connection_id),
      );
    });
  });

  describe('failures', () => {
    /** A source whose client gives up at the first failure, so one injected fault fails one call. */
    const noRetrySource = () =>
      new Auth0Source(
        new Auth0Client(
          {
            baseURL: `${emulator.url}/api/v2/`,
            retry: { retries: 0, timeoutMs: 2000, maxRetryDelayMs: 500 },
          },
          () => Promise.resolve(emulator.credentials.token),
        ),
      );

    it('one organization failing does not fail lookups in another organization batched with it', async () => {
      // The first connections call fails; the second, for another organization, succeeds.
      emulator.setKnobs({ faults: [{ route: CONNECTIONS, status: 500, times: 1 }] });
      const source = noRetrySource();
      const [a, b] = [orgIds()[0], orgIds()[1]];
      const keyIn = (orgId: string) =>
        membershipKey(orgId, data().organizationConnections[orgId][0].connection_id);
      const [first, second] = await Promise.allSettled([
        source.connection(keyIn(a)),
        source.connection(keyIn(b)),
      ]);
      const failedOrg = new URL(emulator.counter.requests()[0].url, 'http://x').pathname.split(
        '/',
      )[4];
      const [failed, answered] = failedOrg === a ? [first, second] : [second, first];
      expect(failed).toMatchObject({
        status: 'rejected',
        reason: { extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'AUTH0' } },
      });
      expect(answered).toMatchObject({
        status: 'fulfilled',
        value: { key: failedOrg === a ? keyIn(b) : keyIn(a) },
      });
      expect(emulator.counter.count(CONNECTIONS)).toBe(2);
    });

    it('one organization failing does not fail members of another organization batched with it', async () => {
      emulator.setKnobs({ faults: [{ route: MEMBERS, status: 503, times: 1 }] });
      const source = noRetrySource();
      const [a, b] = [orgIds()[2], orgIds()[3]];
      const results = await Promise.allSettled([
        source.usersOfOrganization(a),
        source.usersOfOrganization(b),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const answered = results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<
        Array<{ nativeId: string }>
      >;
      const answeredOrg = results[0] === answered ? a : b;
      expect(answered.value.map((u) => u.nativeId)).toEqual(
        data().memberships[answeredOrg].map((m) => m.user_id),
      );
    });

    it('keeps a failed organization’s failure for the request instead of calling again', async () => {
      emulator.setKnobs({ faults: [{ route: CONNECTIONS, status: 500 }] });
      const source = noRetrySource();
      const orgId = orgIds()[0];
      await expect(source.connections({ organizationKey: orgId })).rejects.toMatchObject({
        extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      });
      await expect(
        source.connection(membershipKey(orgId, data().connections[0].id)),
      ).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
      expect(emulator.counter.count(CONNECTIONS)).toBe(1);
    });
  });

  describe('users and permissions', () => {
    it('resolves a member by its (organization, user) key, with their roles', async () => {
      const orgId = orgIds().find((id) => data().memberships[id].some((m) => m.role_ids.length))!;
      const membership = data().memberships[orgId].find((m) => m.role_ids.length)!;
      const user = data().users.find((u) => u.user_id === membership.user_id)!;
      const key = membershipKey(orgId, membership.user_id);
      const found = await sourceFor().user(key);
      expect(found).toMatchObject({
        key,
        nativeId: user.user_id,
        name: user.name,
        email: user.email,
        picture: user.picture,
      });
      expect(found!.permissionAssignments.map((a) => [a.assigned, a.permission.key])).toEqual(
        membership.role_ids.map((id) => [true, id]),
      );
      expect(emulator.counter.byRoute()).toEqual({ [MEMBERS]: 1 });
    });

    it('answers a user of another organization with null', async () => {
      const orgId = orgIds()[0];
      const outsider = data().users.find(
        (u) => !data().memberships[orgId].some((m) => m.user_id === u.user_id),
      )!;
      expect(await sourceFor().user(membershipKey(orgId, outsider.user_id))).toBeNull();
      expect(emulator.counter.byRoute()).toEqual({ [MEMBERS]: 1 });
    });

    it('lists usersOfOrganization and organizationsOfUser from the membership', async () => {
      const source = sourceFor();
      const orgId = orgIds()[1];
      const members = await source.usersOfOrganization(orgId);
      expect(members.map((u) => u.nativeId)).toEqual(
        data().memberships[orgId].map((m) => m.user_id),
      );
      const orgs = await source.organizationsOfUser(members[0].key);
      expect(orgs.map((o) => o.key)).toEqual([orgId]);
    });

    it("lists the tenant's roles with descriptions in one call", async () => {
      const permissions = await sourceFor().permissions();
      expect(sorted(permissions.map((p) => p.key))).toEqual(sorted(data().roles.map((r) => r.id)));
      for (const p of permissions) {
        const role = data().roles.find((r) => r.id === p.key)!;
        expect(p).toMatchObject({ name: role.name, description: role.description });
      }
      expect(emulator.counter.byRoute()).toEqual({ [ROLES]: 1 });
    });

    it('resolves one role by key with its description in one GET', async () => {
      const role = data().roles[0];
      const permission = await sourceFor().permission(role.id);
      expect(permission).toMatchObject({
        key: role.id,
        name: role.name,
        description: role.description,
      });
      expect(emulator.counter.byRoute()).toEqual({ [ROLE]: 1 });
    });

    it('resolves several roles in one tick from one listing, and null for an unknown one', async () => {
      const source = sourceFor();
      const roles = data().roles;
      const found = await Promise.all([
        ...roles.map((r) => source.permission(r.id)),
        source.permission('rol_unknown'),
      ]);
      expect(found.map((p) => p?.description ?? null)).toEqual([
        ...roles.map((r) => r.description),
        null,
      ]);
      expect(emulator.counter.byRoute()).toEqual({ [ROLES]: 1 });
    });

    it('answers null for an unknown role id (404)', async () => {
      expect(await sourceFor().permission('rol_unknown')).toBeNull();
      expect(emulator.counter.byRoute()).toEqual({ [ROLE]: 1 });
    });

    it('lists the memberships holding a role', async () => {
      const role = data().roles.find((r) => heldRoleIds().has(r.id))!;
      const users = await sourceFor().usersWithPermission(role.id);
      expect(sorted(users.map((u) => u.key))).toEqual(sorted(holdersOf(role.id)));
    });
  });
});
