import { client as datadogClient } from '@datadog/datadog-api-client';
import { expect } from '@jest/globals';
import { Management, type ManagementClient } from 'auth0';
import { startEmulators, type RunningEmulators } from '../../src/emulators/start-emulators';
import { auth0Sdk, datadogSdk, thrown, unparsedPaths } from './official-sdk-clients';

/**
 * The official SDKs' write calls against the emulators: each one must parse the emulator's answer as
 * it parses the provider's, the change must show in the emulator's state and the next read, and the
 * provider's error statuses must come out as the SDK's typed errors.
 */
describe('official SDKs write through the emulators', () => {
  let emulators: RunningEmulators;

  beforeAll(async () => {
    emulators = await startEmulators();
  });
  afterEach(() => emulators.reset());
  afterAll(() => emulators.stop());

  describe('node-auth0 ManagementClient', () => {
    let sdk: ManagementClient;
    let readOnly: ManagementClient;
    const data = () => emulators.auth0.data;
    /** An organization and a tenant connection it has not added yet. */
    const freeConnection = (index: number) => {
      const organization = data().organizations[index];
      const added = new Set(
        (data().organizationConnections[organization.id] ?? []).map((s) => s.connection_id),
      );
      return { organization, connection: data().connections.find((c) => !added.has(c.id))! };
    };

    beforeAll(() => {
      const { clientId, clientSecret, readOnly: viewer } = emulators.auth0.credentials;
      sdk = auth0Sdk(emulators.auth0, { clientId, clientSecret });
      readOnly = auth0Sdk(emulators.auth0, viewer, { maxRetries: 0 });
    });

    it('adds, updates and deletes an enabled connection (legacy endpoint)', async () => {
      const { organization, connection } = freeConnection(0);
      const added = await sdk.organizations.enabledConnections.add(organization.id, {
        connection_id: connection.id,
        assign_membership_on_login: true,
        show_as_button: true,
      });
      expect(added).toMatchObject({
        connection_id: connection.id,
        assign_membership_on_login: true,
        show_as_button: true,
        connection: { name: connection.name, strategy: connection.strategy },
      });
      const updated = await sdk.organizations.enabledConnections.update(
        organization.id,
        connection.id,
        { assign_membership_on_login: false, show_as_button: false },
      );
      expect(updated).toMatchObject({ assign_membership_on_login: false, show_as_button: false });
      expect(
        await sdk.organizations.enabledConnections.get(organization.id, connection.id),
      ).toEqual(updated);

      await sdk.organizations.enabledConnections.delete(organization.id, connection.id);
      const listed = await sdk.organizations.enabledConnections.list(organization.id);
      expect(listed.data.map((c) => c.connection_id)).not.toContain(connection.id);
    });

    it('creates, updates and deletes an organization connection (newer endpoint)', async () => {
      const { organization, connection } = freeConnection(1);
      const created = await sdk.organizations.connections.create(organization.id, {
        connection_id: connection.id,
        organization_access_level: 'readonly',
        is_enabled: true,
      });
      expect(created).toMatchObject({
        connection_id: connection.id,
        organization_access_level: 'readonly',
        is_enabled: true,
      });
      const updated = await sdk.organizations.connections.update(organization.id, connection.id, {
        organization_access_level: 'full',
        is_enabled: false,
      });
      expect(updated).toMatchObject({ organization_access_level: 'full', is_enabled: false });
      const disabled = await sdk.organizations.connections.list(organization.id, {
        is_enabled: false,
      });
      expect(disabled.data.map((c) => c.connection_id)).toContain(connection.id);

      await sdk.organizations.connections.delete(organization.id, connection.id);
      expect(
        data().organizationConnections[organization.id].map((s) => s.connection_id),
      ).not.toContain(connection.id);
    });

    it('adds and removes members, and assigns and removes their roles', async () => {
      const organization = data().organizations[2];
      const outsider = data().users.find(
        (u) => !data().memberships[organization.id].some((m) => m.user_id === u.user_id),
      )!;
      const role = data().roles[1];
      await sdk.organizations.members.create(organization.id, { members: [outsider.user_id] });
      await sdk.organizations.members.roles.assign(organization.id, outsider.user_id, {
        roles: [role.id],
      });
      const roles = await sdk.organizations.members.roles.list(organization.id, outsider.user_id);
      expect(roles.data).toEqual([role]);
      const members = await sdk.organizations.members.list(organization.id, {
        fields: 'user_id,roles',
        include_fields: true,
      });
      expect(members.data.find((m) => m.user_id === outsider.user_id)).toEqual({
        user_id: outsider.user_id,
        roles: [{ id: role.id, name: role.name }],
      });

      await sdk.organizations.members.roles.delete(organization.id, outsider.user_id, {
        roles: [role.id],
      });
      expect(
        (await sdk.organizations.members.roles.list(organization.id, outsider.user_id)).data,
      ).toEqual([]);
      await sdk.organizations.members.delete(organization.id, { members: [outsider.user_id] });
      const after = await sdk.organizations.members.list(organization.id);
      expect(after.data.map((m) => m.user_id)).not.toContain(outsider.user_id);
    });

    it('surfaces 409, 404, 400 and 403 as the SDK’s typed errors', async () => {
      const organization = data().organizations[0];
      const enabled = data().organizationConnections[organization.id][0].connection_id;
      const conflict = await thrown(() =>
        sdk.organizations.enabledConnections.add(organization.id, { connection_id: enabled }),
      );
      expect(conflict).toBeInstanceOf(Management.ConflictError);
      expect(conflict).toMatchObject({ statusCode: 409, body: { statusCode: 409 } });

      const missing = await thrown(() =>
        sdk.organizations.connections.create(organization.id, {
          connection_id: 'con_doesnotexist000',
        }),
      );
      expect(missing).toBeInstanceOf(Management.NotFoundError);
      expect(missing).toMatchObject({
        statusCode: 404,
        body: { message: 'The connection does not exist.' },
      });

      const unknownUser = await thrown(() =>
        sdk.organizations.members.create(organization.id, { members: ['auth0|nobody'] }),
      );
      expect(unknownUser).toBeInstanceOf(Management.BadRequestError);

      const forbidden = await thrown(() =>
        readOnly.organizations.members.roles.assign(organization.id, 'auth0|nobody', {
          roles: [data().roles[0].id],
        }),
      );
      expect(forbidden).toBeInstanceOf(Management.ForbiddenError);
      expect(forbidden).toMatchObject({
        statusCode: 403,
        body: {
          message: 'Insufficient scope, expected any of: create:organization_member_roles',
          errorCode: 'insufficient_scope',
        },
      });
      // The read-only client still reads.
      expect((await readOnly.organizations.get(organization.id)).id).toBe(organization.id);
    });
  });

  describe('datadog-api-client OrgConnectionsApi', () => {
    const data = () => emulators.datadog.data;
    const createBody = (sinkId: string) => ({
      body: {
        data: {
          type: 'org_connection' as const,
          attributes: { connectionTypes: ['metrics' as const] },
          relationships: { sinkOrg: { data: { id: sinkId, type: 'orgs' as const } } },
        },
      },
    });

    it('creates, updates and deletes, with each change in the state and the next list', async () => {
      const sdk = datadogSdk(emulators.datadog);
      const current = data().currentOrgId;
      const taken = new Set(
        data()
          .connections.filter((c) => c.relationships.source_org?.data.id === current)
          .map((c) => c.relationships.sink_org?.data.id),
      );
      const sink = data().orgs.find((o) => o.id !== current && !taken.has(o.id))!;

      const created = await sdk.createOrgConnections(createBody(sink.id));
      expect(unparsedPaths(created)).toEqual([]);
      expect(data().connections.at(-1)!.id).toBe(created.data.id);

      const updated = await sdk.updateOrgConnections({
        connectionId: created.data.id,
        body: {
          data: {
            id: created.data.id,
            type: 'org_connection',
            attributes: { connectionTypes: ['metrics', 'audit'] },
          },
        },
      });
      expect(unparsedPaths(updated)).toEqual([]);
      const listed = await sdk.listOrgConnections({ sinkOrgId: sink.id });
      expect(listed.data.find((c) => c.id === created.data.id)?.attributes.connectionTypes).toEqual(
        ['metrics', 'audit'],
      );

      const conflict = await thrown(() => sdk.createOrgConnections(createBody(sink.id)));
      expect(conflict).toBeInstanceOf(datadogClient.ApiException);
      expect(conflict).toMatchObject({ code: 409 });

      await sdk.deleteOrgConnections({ connectionId: created.data.id });
      expect(data().connections.map((c) => c.id)).not.toContain(created.data.id);
      const gone = await thrown(() => sdk.deleteOrgConnections({ connectionId: created.data.id }));
      expect(gone).toMatchObject({
        code: 404,
        body: { errors: [`org connection with id:${created.data.id} not found not found`] },
      });
    });

    it('answers 403 to the read-only application key’s writes, and lets it read', async () => {
      const readOnly = datadogSdk(emulators.datadog, emulators.datadog.credentials.readOnly);
      const before = data().connections.length;
      const forbidden = await thrown(() =>
        readOnly.createOrgConnections(createBody(data().orgs[1].id)),
      );
      expect(forbidden).toBeInstanceOf(datadogClient.ApiException);
      expect(forbidden).toMatchObject({ code: 403, body: { errors: ['Forbidden'] } });
      const deleteForbidden = await thrown(() =>
        readOnly.deleteOrgConnections({ connectionId: data().connections[0].id }),
      );
      expect(deleteForbidden).toMatchObject({ code: 403 });
      expect(data().connections).toHaveLength(before);
      expect((await readOnly.listOrgConnections()).data).toHaveLength(before);
    });
  });
});
