import { expect } from '@jest/globals';
import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import type {
  Auth0EnabledConnection,
  Auth0Member,
  Auth0OrganizationConnection,
  Auth0Role,
} from '../../src/emulators/auth0/auth0-data';

const NO_ORG = {
  statusCode: 404,
  error: 'Not Found',
  message: 'No organization found by that id or name',
};
const NO_CONNECTION = {
  statusCode: 404,
  error: 'Not Found',
  message: 'The connection does not exist.',
  errorCode: 'inexistent_connection',
};
const invalidBody = (message: string) => ({
  statusCode: 400,
  error: 'Bad Request',
  message,
  errorCode: 'invalid_body',
});
const insufficientScope = (scope: string) => ({
  statusCode: 403,
  error: 'Forbidden',
  message: `Insufficient scope, expected any of: ${scope}`,
  errorCode: 'insufficient_scope',
});

describe('Auth0 emulator: writes', () => {
  let emulator: Auth0Emulator;
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    token = emulator.credentials.token,
  ) => {
    const response = await fetch(`${emulator.url}/api/v2/organizations${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
  };
  const data = () => emulator.data;
  /** An organization and a tenant connection it has not added, of the given strategy. */
  const freeConnection = (strategy?: string) => {
    for (const organization of data().organizations) {
      const added = new Set(
        (data().organizationConnections[organization.id] ?? []).map((s) => s.connection_id),
      );
      const connection = data().connections.find(
        (c) => !added.has(c.id) && (strategy === undefined || c.strategy === strategy),
      );
      if (connection) return { organization, connection };
    }
    throw new Error('every organization has every connection');
  };
  const member = (organizationId: string, userId: string) =>
    data().memberships[organizationId]?.find((m) => m.user_id === userId);

  beforeEach(async () => {
    emulator = new Auth0Emulator();
    await emulator.start();
  });
  afterEach(() => emulator.stop());

  describe('organization connections', () => {
    it('adds a connection through the legacy endpoint (201, as recorded) and both lists show it', async () => {
      const { organization, connection } = freeConnection('ad');
      const added = await call('POST', `/${organization.id}/enabled_connections`, {
        connection_id: connection.id,
        assign_membership_on_login: true,
        show_as_button: true,
      });
      expect(added).toEqual({
        status: 201,
        body: {
          connection_id: connection.id,
          assign_membership_on_login: true,
          show_as_button: true,
          connection: { name: connection.name, strategy: 'ad' },
        },
      });
      const legacy = await call('GET', `/${organization.id}/enabled_connections`);
      expect((legacy.body as Auth0EnabledConnection[]).at(-1)).toEqual(added.body);
      const newer = await call('GET', `/${organization.id}/connections/${connection.id}`);
      expect(newer.body).toEqual({
        connection_id: connection.id,
        assign_membership_on_login: true,
        show_as_button: true,
        organization_access_level: 'none',
        is_enabled: true,
        connection: { name: connection.name, strategy: 'ad' },
      });
      expect(emulator.counter.count('POST /api/v2/organizations/:id/enabled_connections')).toBe(1);
    });

    it('adds a database connection with is_signup_enabled in the recorded key order', async () => {
      const { organization, connection } = freeConnection('auth0');
      const added = await call('POST', `/${organization.id}/enabled_connections`, {
        connection_id: connection.id,
        assign_membership_on_login: true,
        is_signup_enabled: true,
      });
      expect(added.status).toBe(201);
      expect(Object.keys(added.body as object)).toEqual([
        'connection_id',
        'assign_membership_on_login',
        'is_signup_enabled',
        'show_as_button',
        'connection',
      ]);
      expect(added.body).toMatchObject({ is_signup_enabled: true, show_as_button: true });
    });

    it('adds, updates and removes a connection through the newer endpoint', async () => {
      const { organization, connection } = freeConnection();
      const base = `/${organization.id}/connections`;
      const added = await call('POST', base, {
        connection_id: connection.id,
        organization_connection_name: 'partner-sso',
        organization_access_level: 'limited',
        is_enabled: false,
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        connection_id: connection.id,
        organization_connection_name: 'partner-sso',
        assign_membership_on_login: false,
        show_as_button: true,
        organization_access_level: 'limited',
        is_enabled: false,
      });
      // Switched off: the legacy endpoint does not see it.
      expect(await call('GET', `/${organization.id}/enabled_connections/${connection.id}`)).toEqual(
        { status: 404, body: NO_CONNECTION },
      );

      const updated = await call('PATCH', `${base}/${connection.id}`, {
        is_enabled: true,
        organization_access_level: 'full',
        organization_connection_name: null,
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ is_enabled: true, organization_access_level: 'full' });
      expect(updated.body).not.toHaveProperty('organization_connection_name');
      const listed = await call('GET', `${base}?is_enabled=true`);
      expect((listed.body as Auth0OrganizationConnection[]).map((c) => c.connection_id)).toContain(
        connection.id,
      );

      expect(await call('DELETE', `${base}/${connection.id}`)).toEqual({
        status: 204,
        body: undefined,
      });
      expect(await call('GET', `${base}/${connection.id}`)).toEqual({
        status: 404,
        body: NO_CONNECTION,
      });
      expect(await call('DELETE', `${base}/${connection.id}`)).toEqual({
        status: 404,
        body: NO_CONNECTION,
      });
    });

    it('updates the writable fields through the legacy endpoint, as recorded', async () => {
      const { organization, connection } = freeConnection('ad');
      const base = `/${organization.id}/enabled_connections`;
      await call('POST', base, {
        connection_id: connection.id,
        assign_membership_on_login: true,
        show_as_button: true,
      });
      const updated = await call('PATCH', `${base}/${connection.id}`, {
        assign_membership_on_login: false,
        show_as_button: false,
      });
      expect(updated).toEqual({
        status: 200,
        body: {
          connection_id: connection.id,
          assign_membership_on_login: false,
          show_as_button: false,
          connection: { name: connection.name, strategy: 'ad' },
        },
      });
      expect(await call('GET', `${base}/${connection.id}`)).toEqual(updated);
      expect((await call('DELETE', `${base}/${connection.id}`)).status).toBe(204);
      expect(
        (data().organizationConnections[organization.id] ?? []).map((s) => s.connection_id),
      ).not.toContain(connection.id);
    });

    it('answers 409 for a connection already added, 404 for an unknown org or connection', async () => {
      const organization = data().organizations[0];
      const enabled = data().organizationConnections[organization.id][0];
      for (const segment of ['enabled_connections', 'connections']) {
        const base = `/${organization.id}/${segment}`;
        expect(await call('POST', base, { connection_id: enabled.connection_id })).toEqual({
          status: 409,
          body: {
            statusCode: 409,
            error: 'Conflict',
            message: 'The connection is already enabled for this organization.',
          },
        });
        expect(await call('POST', base, { connection_id: 'con_doesnotexist000' })).toEqual({
          status: 404,
          body: NO_CONNECTION,
        });
        expect(
          await call('POST', `/org_doesnotexist0000/${segment}`, {
            connection_id: enabled.connection_id,
          }),
        ).toEqual({ status: 404, body: NO_ORG });
        expect(
          await call('PATCH', `${base}/con_doesnotexist000`, { show_as_button: false }),
        ).toEqual({ status: 404, body: NO_CONNECTION });
        expect(await call('DELETE', `/org_doesnotexist0000/${segment}/x`)).toEqual({
          status: 404,
          body: NO_ORG,
        });
      }
    });

    it('refuses bodies that fail the schema with Auth0’s payload validation errors', async () => {
      const { organization, connection } = freeConnection();
      const enabled = data().organizationConnections[organization.id][0];
      const legacy = `/${organization.id}/enabled_connections`;
      const newer = `/${organization.id}/connections`;
      const cases: Array<[string, string, unknown, string]> = [
        [
          'POST',
          legacy,
          {},
          "Payload validation error: 'Missing required property: connection_id'.",
        ],
        [
          'POST',
          legacy,
          { connection_id: connection.id, is_enabled: true },
          "Payload validation error: 'Additional properties not allowed: is_enabled'.",
        ],
        [
          'PATCH',
          `${legacy}/${enabled.connection_id}`,
          { show_as_button: 'yes' },
          "Payload validation error: 'Expected type boolean but found type string' on property " +
            'show_as_button (Determines whether a connection should be displayed on this ' +
            'organization’s login prompt. Only applicable for enterprise connections. Default: true.).',
        ],
        [
          'PATCH',
          `${newer}/${enabled.connection_id}`,
          { organization_access_level: 'admin' },
          'Payload validation error: \'No enum match for: "admin"\' on property ' +
            'organization_access_level (Access level for the organization (e.g., "none", "full").).',
        ],
        [
          'PATCH',
          `${newer}/${enabled.connection_id}`,
          { connection_id: connection.id },
          "Payload validation error: 'Additional properties not allowed: connection_id'.",
        ],
        [
          'POST',
          newer,
          [connection.id],
          "Payload validation error: 'Expected type object but found type array'.",
        ],
      ];
      const before = JSON.stringify(data().organizationConnections);
      for (const [method, path, body, message] of cases) {
        expect(await call(method, path, body)).toEqual({ status: 400, body: invalidBody(message) });
      }
      expect(JSON.stringify(data().organizationConnections)).toBe(before);
    });
  });

  describe('members and their roles', () => {
    it('adds members (204), idempotently, and lists them last', async () => {
      const organization = data().organizations[0];
      const outsiders = data()
        .users.filter((u) => !member(organization.id, u.user_id))
        .slice(0, 2);
      const ids = outsiders.map((u) => u.user_id);
      const before = data().memberships[organization.id].length;
      expect(await call('POST', `/${organization.id}/members`, { members: ids })).toEqual({
        status: 204,
        body: undefined,
      });
      expect((await call('POST', `/${organization.id}/members`, { members: ids })).status).toBe(
        204,
      );
      const listed = (await call('GET', `/${organization.id}/members`)).body as Auth0Member[];
      expect(listed).toHaveLength(before + 2);
      expect(listed.slice(-2)).toEqual(
        outsiders.map((u) => ({
          user_id: u.user_id,
          email: u.email,
          picture: u.picture,
          name: u.name,
        })),
      );
      // Checkpoint paging reaches the new members too, after the old ones.
      const paged = (await call('GET', `/${organization.id}/members?take=100`)).body as {
        members: Auth0Member[];
      };
      expect(paged.members.slice(-2).map((m) => m.user_id)).toEqual(ids);
    });

    it('removes members (204) and ignores ids that are not members', async () => {
      const organization = data().organizations[1];
      const [first] = data().memberships[organization.id];
      const outsider = data().users.find((u) => !member(organization.id, u.user_id))!;
      const removed = await call('DELETE', `/${organization.id}/members`, {
        members: [first.user_id, outsider.user_id],
      });
      expect(removed.status).toBe(204);
      const listed = (await call('GET', `/${organization.id}/members`)).body as Auth0Member[];
      expect(listed.map((m) => m.user_id)).not.toContain(first.user_id);
      expect(emulator.counter.count('DELETE /api/v2/organizations/:id/members')).toBe(1);
    });

    it('assigns and removes a member’s roles (204), as recorded', async () => {
      const organization = data().organizations[0];
      const { user_id } = data().memberships[organization.id][0];
      const path = `/${organization.id}/members/${encodeURIComponent(user_id)}/roles`;
      const roleIds = data().roles.map((r) => r.id);
      expect(await call('POST', path, { roles: roleIds })).toEqual({
        status: 204,
        body: undefined,
      });
      const assigned = (await call('GET', path)).body as Auth0Role[];
      expect(assigned.map((r) => r.id).sort()).toEqual([...roleIds].sort());

      expect((await call('DELETE', path, { roles: [roleIds[0]] })).status).toBe(204);
      const left = (await call('GET', `${path}?include_totals=true`)).body as { total: number };
      expect(left.total).toBe(roleIds.length - 1);
      const withRoles = (await call('GET', `/${organization.id}/members?fields=user_id,roles`))
        .body as Auth0Member[];
      expect(withRoles.find((m) => m.user_id === user_id)!.roles!.map((r) => r.id)).not.toContain(
        roleIds[0],
      );
    });

    it('makes a user a member when assigning roles first, as the recordings show', async () => {
      const organization = data().organizations[2];
      const outsider = data().users.find((u) => !member(organization.id, u.user_id))!;
      const role = data().roles[0];
      const path = `/${organization.id}/members/${encodeURIComponent(outsider.user_id)}/roles`;
      expect((await call('POST', path, { roles: [role.id] })).status).toBe(204);
      expect(
        (await call('POST', `/${organization.id}/members`, { members: [outsider.user_id] })).status,
      ).toBe(204);
      const listed = (await call('GET', `/${organization.id}/members?fields=user_id,roles`))
        .body as Auth0Member[];
      expect(listed.find((m) => m.user_id === outsider.user_id)).toEqual({
        user_id: outsider.user_id,
        roles: [{ id: role.id, name: role.name }],
      });
    });

    it('answers 400 for unknown users or roles and bad bodies, 404 for an unknown org', async () => {
      const organization = data().organizations[0];
      const { user_id } = data().memberships[organization.id][0];
      const roles = `/${organization.id}/members/${encodeURIComponent(user_id)}/roles`;
      const cases: Array<[string, string, unknown, number, unknown]> = [
        [
          'POST',
          `/${organization.id}/members`,
          { members: ['auth0|nobody'] },
          400,
          {
            statusCode: 400,
            error: 'Bad Request',
            message: 'One or more users do not exist: auth0|nobody',
          },
        ],
        [
          'POST',
          roles,
          { roles: ['rol_nothing'] },
          400,
          {
            statusCode: 400,
            error: 'Bad Request',
            message: 'One or more roles do not exist: rol_nothing',
          },
        ],
        [
          'POST',
          `/${organization.id}/members`,
          { members: [] },
          400,
          invalidBody(
            "Payload validation error: 'Array is too short (0), minimum 1' on property members " +
              '(List of user IDs to add to the organization as members.).',
          ),
        ],
        [
          'DELETE',
          `/${organization.id}/members`,
          { user_ids: [user_id] },
          400,
          invalidBody("Payload validation error: 'Missing required property: members'."),
        ],
        ['POST', '/org_doesnotexist0000/members', { members: [user_id] }, 404, NO_ORG],
        [
          'DELETE',
          '/org_doesnotexist0000/members/x/roles',
          { roles: [data().roles[0].id] },
          404,
          NO_ORG,
        ],
      ];
      const before = JSON.stringify(data().memberships);
      for (const [method, path, body, status, expected] of cases) {
        expect(await call(method, path, body)).toEqual({ status, body: expected });
      }
      expect(JSON.stringify(data().memberships)).toBe(before);
    });
  });

  describe('scopes', () => {
    it('answers 403 insufficient_scope to every write with a read-only token, which still reads', async () => {
      const { readOnly } = emulator.credentials;
      const organization = data().organizations[0];
      const { connection } = freeConnection();
      const enabled = data().organizationConnections[organization.id][0].connection_id;
      const { user_id } = data().memberships[organization.id][0];
      const roles = `/${organization.id}/members/${encodeURIComponent(user_id)}/roles`;
      const writes: Array<[string, string, unknown, string]> = [
        [
          'POST',
          `/${organization.id}/enabled_connections`,
          { connection_id: connection.id },
          'create:organization_connections',
        ],
        [
          'POST',
          `/${organization.id}/connections`,
          { connection_id: connection.id },
          'create:organization_connections',
        ],
        [
          'PATCH',
          `/${organization.id}/connections/${enabled}`,
          { show_as_button: false },
          'update:organization_connections',
        ],
        [
          'DELETE',
          `/${organization.id}/enabled_connections/${enabled}`,
          undefined,
          'delete:organization_connections',
        ],
        [
          'POST',
          `/${organization.id}/members`,
          { members: [user_id] },
          'create:organization_members',
        ],
        [
          'DELETE',
          `/${organization.id}/members`,
          { members: [user_id] },
          'delete:organization_members',
        ],
        ['POST', roles, { roles: [data().roles[0].id] }, 'create:organization_member_roles'],
        ['DELETE', roles, { roles: [data().roles[0].id] }, 'delete:organization_member_roles'],
      ];
      const before = JSON.stringify([data().organizationConnections, data().memberships]);
      for (const [method, path, body, scope] of writes) {
        expect(await call(method, path, body, readOnly.token)).toEqual({
          status: 403,
          body: insufficientScope(scope),
        });
      }
      expect(JSON.stringify([data().organizationConnections, data().memberships])).toBe(before);
      expect(
        (await call('GET', `/${organization.id}/members`, undefined, readOnly.token)).status,
      ).toBe(200);
    });

    it('issues the read-only client tokens with read scopes only, refused for writes', async () => {
      const { readOnly, audience } = emulator.credentials;
      const grant = await fetch(`${emulator.url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: readOnly.clientId,
          client_secret: readOnly.clientSecret,
          audience,
        }),
      });
      const { access_token, scope } = (await grant.json()) as {
        access_token: string;
        scope: string;
      };
      expect(scope.split(' ').every((s) => s.startsWith('read:'))).toBe(true);
      const organization = data().organizations[0];
      const response = await call(
        'POST',
        `/${organization.id}/members`,
        { members: [data().users[0].user_id] },
        access_token,
      );
      expect(response).toEqual({
        status: 403,
        body: insufficientScope('create:organization_members'),
      });
      // The second tenant's read-only token opens the second tenant, read-only too.
      const second = emulator.secondTenant;
      expect(
        await call(
          'POST',
          `/${second.data.organizations[0].id}/members`,
          { members: [second.data.users[0].user_id] },
          second.credentials.readOnly.token,
        ),
      ).toEqual({ status: 403, body: insufficientScope('create:organization_members') });
    });
  });
});
