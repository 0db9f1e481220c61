import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import { Auth0Client } from '../../src/providers/auth0/auth0-client';
import { membershipKey } from '../../src/providers/auth0/auth0-keys';
import { Auth0Source } from '../../src/providers/auth0/auth0-source';
import { upstreamFailure } from '../support/upstream-failure';

const ADD_CONNECTION = 'POST /api/v2/organizations/:id/connections';
const UPDATE_CONNECTION = 'PATCH /api/v2/organizations/:id/connections/:connection_id';
const REMOVE_CONNECTION = 'DELETE /api/v2/organizations/:id/connections/:connection_id';
const ADD_MEMBERS = 'POST /api/v2/organizations/:id/members';
const REMOVE_MEMBERS = 'DELETE /api/v2/organizations/:id/members';
const MEMBERS = 'GET /api/v2/organizations/:id/members';
const ADD_ROLES = 'POST /api/v2/organizations/:id/members/:user_id/roles';
const REMOVE_ROLES = 'DELETE /api/v2/organizations/:id/members/:user_id/roles';

describe('Auth0 writes (Auth0Source over a real client and the emulator)', () => {
  const emulator = new Auth0Emulator({ seed: 42, size: 12 });
  const data = () => emulator.data;
  const secrets = () => [emulator.credentials.token, emulator.credentials.readOnly.token];
  const failure = (promise: Promise<unknown>) =>
    upstreamFailure(promise, { provider: 'AUTH0', secrets: secrets() });

  const sourceFor = (options: { token?: string; timeoutMs?: number } = {}) =>
    new Auth0Source(
      new Auth0Client(
        {
          baseURL: `${emulator.url}/api/v2/`,
          retry: { retries: 2, timeoutMs: options.timeoutMs ?? 2000, maxRetryDelayMs: 500 },
        },
        () => Promise.resolve(options.token ?? emulator.credentials.token),
      ),
    );

  /** An organization with a member holding a role, and a tenant connection it has not enabled. */
  const scene = () => {
    const org = data().organizations.find((o) =>
      (data().memberships[o.id] ?? []).some((m) => m.role_ids.length > 0),
    )!;
    const enabled = (data().organizationConnections[org.id] ?? []).map((s) => s.connection_id);
    const notEnabled = data().connections.find((c) => !enabled.includes(c.id))!;
    const member = data().memberships[org.id].find((m) => m.role_ids.length > 0)!;
    const memberIds = data().memberships[org.id].map((m) => m.user_id);
    const nonMember = data().users.find((u) => !memberIds.includes(u.user_id))!;
    const roleNotHeld = data().roles.find((r) => !member.role_ids.includes(r.id))!;
    return { org, enabled, notEnabled, member, nonMember, roleNotHeld };
  };
  const settingsOf = (orgId: string, connectionId: string) =>
    (data().organizationConnections[orgId] ?? []).find((s) => s.connection_id === connectionId);

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  describe('organization connections', () => {
    it('adds a connection with its settings, answered as Auth0 stored it', async () => {
      const { org, notEnabled } = scene();
      const connection = await sourceFor().addIdentityConnection(org.id, notEnabled.id, {
        assignMembershipOnLogin: true,
        organizationAccessLevel: 'readonly',
      });
      expect(settingsOf(org.id, notEnabled.id)).toMatchObject({
        assign_membership_on_login: true,
        organization_access_level: 'readonly',
      });
      expect(connection).toMatchObject({
        provider: 'AUTH0',
        kind: 'IDENTITY',
        key: membershipKey(org.id, notEnabled.id),
        nativeId: notEnabled.id,
        assignMembershipOnLogin: true,
        organizationAccessLevel: 'readonly',
        isEnabled: true,
        identityConnection: { connectionId: notEnabled.id, name: notEnabled.name },
      });
      expect(emulator.counter.byRoute()).toEqual({ [ADD_CONNECTION]: 1 });
    });

    it('a later read in the same request sees the added connection', async () => {
      const { org, notEnabled } = scene();
      const source = sourceFor();
      const before = await source.connections({ organizationKey: org.id });
      await source.addIdentityConnection(org.id, notEnabled.id, {});
      const after = await source.connections({ organizationKey: org.id });
      expect(after.map((c) => c.nativeId)).toEqual([
        ...before.map((c) => c.nativeId),
        notEnabled.id,
      ]);
    });

    it('updates only the settings given', async () => {
      const { org, enabled } = scene();
      const stored = settingsOf(org.id, enabled[0])!;
      const showAsButton = stored.show_as_button;
      const connection = await sourceFor().updateIdentityConnection(
        membershipKey(org.id, enabled[0]),
        { isEnabled: false, organizationAccessLevel: 'full' },
      );
      expect(settingsOf(org.id, enabled[0])).toMatchObject({
        is_enabled: false,
        organization_access_level: 'full',
        show_as_button: showAsButton,
      });
      expect(connection).toMatchObject({ isEnabled: false, organizationAccessLevel: 'full' });
      expect(emulator.counter.byRoute()).toEqual({ [UPDATE_CONNECTION]: 1 });
    });

    it('removes a connection', async () => {
      const { org, enabled } = scene();
      await sourceFor().removeIdentityConnection(membershipKey(org.id, enabled[0]));
      expect(settingsOf(org.id, enabled[0])).toBeUndefined();
      expect(emulator.counter.byRoute()).toEqual({ [REMOVE_CONNECTION]: 1 });
    });

    it('enabling it twice: 409 UPSTREAM_CONFLICT with the message of Auth0', async () => {
      const { org, enabled } = scene();
      const error = await failure(sourceFor().addIdentityConnection(org.id, enabled[0], {}));
      expect(error.extensions).toMatchObject({
        code: 'UPSTREAM_CONFLICT',
        upstreamStatus: 409,
        providerMessage: 'The connection is already enabled for this organization.',
      });
      expect(emulator.counter.byRoute()).toEqual({ [ADD_CONNECTION]: 1 });
    });

    it('an unknown connection: 404 NOT_FOUND', async () => {
      const { org } = scene();
      const error = await failure(
        sourceFor().updateIdentityConnection(membershipKey(org.id, 'con_unknown0000000'), {
          showAsButton: false,
        }),
      );
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', upstreamStatus: 404 });
    });

    it('a malformed connection key: BAD_USER_INPUT before any call', async () => {
      await expect(sourceFor().removeIdentityConnection('not-a-key')).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
      expect(emulator.counter.count()).toBe(0);
    });

    it('a token without the write scope: 403 UPSTREAM_FORBIDDEN, nothing changed', async () => {
      const { org, notEnabled } = scene();
      const source = sourceFor({ token: emulator.credentials.readOnly.token });
      const error = await failure(source.addIdentityConnection(org.id, notEnabled.id, {}));
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_FORBIDDEN', upstreamStatus: 403 });
      expect(settingsOf(org.id, notEnabled.id)).toBeUndefined();
    });
  });

  describe('members and their roles', () => {
    it('adds members, answered from a fresh member listing', async () => {
      const { org, nonMember } = scene();
      const source = sourceFor();
      await source.usersOfOrganization(org.id); // the request had read the members before
      const users = await source.addOrganizationMembers(org.id, [nonMember.user_id]);
      expect(data().memberships[org.id].some((m) => m.user_id === nonMember.user_id)).toBe(true);
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({
        key: membershipKey(org.id, nonMember.user_id),
        nativeId: nonMember.user_id,
        email: nonMember.email,
      });
      // The fresh listing answers later reads of the request: no other call.
      const members = await source.usersOfOrganization(org.id);
      expect(members.map((m) => m.nativeId)).toContain(nonMember.user_id);
      expect(emulator.counter.byRoute()).toEqual({ [MEMBERS]: 2, [ADD_MEMBERS]: 1 });
    });

    it('removes members', async () => {
      const { org, member } = scene();
      const source = sourceFor();
      await source.removeOrganizationMembers(org.id, [member.user_id]);
      expect(data().memberships[org.id].some((m) => m.user_id === member.user_id)).toBe(false);
      const members = await source.usersOfOrganization(org.id);
      expect(members.map((m) => m.nativeId)).not.toContain(member.user_id);
      expect(emulator.counter.byRoute()).toEqual({ [REMOVE_MEMBERS]: 1, [MEMBERS]: 1 });
    });

    it('adds a role to a member, answered with the roles read fresh', async () => {
      const { org, member, roleNotHeld } = scene();
      const user = await sourceFor().addMemberRoles(membershipKey(org.id, member.user_id), [
        roleNotHeld.id,
      ]);
      expect(
        data().memberships[org.id].find((m) => m.user_id === member.user_id)!.role_ids,
      ).toContain(roleNotHeld.id);
      expect(user.permissionAssignments.map((a) => a.permission.key)).toEqual(
        expect.arrayContaining([...member.role_ids, roleNotHeld.id]),
      );
      expect(emulator.counter.byRoute()).toEqual({ [ADD_ROLES]: 1, [MEMBERS]: 1 });
    });

    it('removes a role from a member', async () => {
      const { org, member } = scene();
      const [removed, ...kept] = member.role_ids;
      const user = await sourceFor().removeMemberRoles(membershipKey(org.id, member.user_id), [
        removed,
      ]);
      expect(user.permissionAssignments.map((a) => a.permission.key).sort()).toEqual(
        [...kept].sort(),
      );
      expect(emulator.counter.byRoute()).toEqual({ [REMOVE_ROLES]: 1, [MEMBERS]: 1 });
    });

    it('an unknown role: 400 UPSTREAM_ERROR with the message of Auth0', async () => {
      const { org, member } = scene();
      const error = await failure(
        sourceFor().addMemberRoles(membershipKey(org.id, member.user_id), ['rol_unknown']),
      );
      expect(error.extensions).toMatchObject({
        code: 'UPSTREAM_ERROR',
        upstreamStatus: 400,
        providerMessage: 'One or more roles do not exist: rol_unknown',
      });
      expect(emulator.counter.byRoute()).toEqual({ [ADD_ROLES]: 1 });
    });
  });

  describe('retries', () => {
    it('a POST that times out is sent once: UPSTREAM_OUTCOME_UNKNOWN', async () => {
      emulator.setKnobs({ faults: [{ route: ADD_MEMBERS, timeout: true }] });
      const { org, nonMember } = scene();
      const error = await failure(
        sourceFor({ timeoutMs: 300 }).addOrganizationMembers(org.id, [nonMember.user_id]),
      );
      expect(error.extensions['code']).toBe('UPSTREAM_OUTCOME_UNKNOWN');
      expect(error.message).toBe(
        'Auth0 did not answer in time: the write may or may not have happened',
      );
      expect(emulator.counter.byRoute()).toEqual({ [ADD_MEMBERS]: 1 });
    });

    it('a POST answered 503 is not retried', async () => {
      emulator.setKnobs({ faults: [{ route: ADD_ROLES, status: 503, times: 1 }] });
      const { org, member, roleNotHeld } = scene();
      const error = await failure(
        sourceFor().addMemberRoles(membershipKey(org.id, member.user_id), [roleNotHeld.id]),
      );
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 });
      expect(emulator.counter.byRoute()).toEqual({ [ADD_ROLES]: 1 });
    });

    it('a DELETE answered 503 once is retried and applied', async () => {
      emulator.setKnobs({ faults: [{ route: REMOVE_MEMBERS, status: 503, times: 1 }] });
      const { org, member } = scene();
      await sourceFor().removeOrganizationMembers(org.id, [member.user_id]);
      expect(data().memberships[org.id].some((m) => m.user_id === member.user_id)).toBe(false);
      expect(emulator.counter.byRoute()).toEqual({ [REMOVE_MEMBERS]: 2 });
    });

    it('a PATCH answered 503 once is retried and applied', async () => {
      emulator.setKnobs({ faults: [{ route: UPDATE_CONNECTION, status: 503, times: 1 }] });
      const { org, enabled } = scene();
      await sourceFor().updateIdentityConnection(membershipKey(org.id, enabled[0]), {
        showAsButton: false,
      });
      expect(settingsOf(org.id, enabled[0])?.show_as_button).toBe(false);
      expect(emulator.counter.byRoute()).toEqual({ [UPDATE_CONNECTION]: 2 });
    });
  });
});
