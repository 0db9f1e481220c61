import { client as datadogClient } from '@datadog/datadog-api-client';
import { expect } from '@jest/globals';
import { Management, ManagementError, type ManagementClient } from 'auth0';
import { startEmulators, type RunningEmulators } from '../../src/emulators/start-emulators';
import { auth0Sdk, datadogSdk, thrown, unparsedPaths } from './official-sdk-clients';

/**
 * The providers' official SDKs (node-auth0 and datadog-api-client-typescript), pointed at the emulators,
 * call every route the emulators serve and must parse every answer: the emulators are only useful to the
 * extent that real clients read them as they read the providers. Crux publishes no SDK.
 */

describe('official SDKs against the emulators', () => {
  let emulators: RunningEmulators;

  beforeAll(async () => {
    emulators = await startEmulators();
  });
  afterEach(() => emulators.reset());
  afterAll(() => emulators.stop());

  describe('node-auth0 ManagementClient', () => {
    let sdk: ManagementClient;
    const data = () => emulators.auth0.data;
    const requests = (route: string) => emulators.auth0.counter.count(route);
    /** An organization with enough of something to page through. */
    const orgWith = (count: (id: string) => number, atLeast: number) => {
      const found = data().organizations.find((o) => count(o.id) >= atLeast);
      if (!found) throw new Error(`seed has no organization with ${atLeast}+`);
      return found;
    };

    beforeAll(() => {
      const { clientId, clientSecret } = emulators.auth0.credentials;
      sdk = auth0Sdk(emulators.auth0, { clientId, clientSecret });
    });

    it('gets a client-credentials token and pages through every organization by checkpoint', async () => {
      const names: string[] = [];
      for await (const organization of await sdk.organizations.list({ take: 5 })) {
        names.push(organization.name!);
      }
      expect(names).toEqual(data().organizations.map((o) => o.name));
      // 12 organizations in pages of 5: the last page carries no `next`, so the SDK stops there.
      expect(requests('GET /api/v2/organizations')).toBe(3);
      expect(requests('POST /oauth/token')).toBe(1);
    });

    it('reads one organization by id and by name', async () => {
      const seeded = data().organizations[4];
      expect(await sdk.organizations.get(seeded.id)).toEqual(seeded);
      expect(await sdk.organizations.getByName(seeded.name)).toEqual(seeded);
    });

    it('lists enabled connections with totals, and reads each one alone', async () => {
      const enabled = (id: string) =>
        (data().organizationConnections[id] ?? []).filter((s) => s.is_enabled);
      const seeded = orgWith((id) => enabled(id).length, 2);
      const page = await sdk.organizations.enabledConnections.list(seeded.id);
      expect(page.data.map((c) => c.connection_id)).toEqual(
        enabled(seeded.id).map((s) => s.connection_id),
      );
      expect(page.response).toMatchObject({ start: 0, total: enabled(seeded.id).length });
      for (const listed of page.data) {
        expect(listed.connection?.name).toEqual(expect.any(String));
        expect(
          await sdk.organizations.enabledConnections.get(seeded.id, listed.connection_id!),
        ).toEqual(listed);
      }
    });

    it('lists all connections, filtered by is_enabled, and reads each one alone', async () => {
      const settings = (id: string) => data().organizationConnections[id] ?? [];
      const seeded = orgWith((id) => settings(id).length, 3);
      const all = await sdk.organizations.connections.list(seeded.id);
      expect(all.data.map((c) => c.connection_id)).toEqual(
        settings(seeded.id).map((s) => s.connection_id),
      );
      expect(all.response.total).toBe(settings(seeded.id).length);
      for (const listed of all.data) {
        expect(listed.organization_access_level).toMatch(/^(none|readonly|limited|full)$/);
        expect(await sdk.organizations.connections.get(seeded.id, listed.connection_id)).toEqual(
          listed,
        );
      }
      const enabled = await sdk.organizations.connections.list(seeded.id, { is_enabled: true });
      expect(enabled.data.every((c) => c.is_enabled)).toBe(true);
      expect(enabled.data).toHaveLength(settings(seeded.id).filter((s) => s.is_enabled).length);
    });

    it('pages through members by checkpoint, with their roles, and reads each member’s roles', async () => {
      const memberships = (id: string) => data().memberships[id] ?? [];
      const seeded = orgWith((id) => memberships(id).length, 3);
      const roleName = new Map(data().roles.map((r) => [r.id, r.name]));
      const members: Management.OrganizationMember[] = [];
      const pages = await sdk.organizations.members.list(seeded.id, {
        take: 2,
        fields: 'user_id,email,name,roles',
        include_fields: true,
      });
      for await (const member of pages) members.push(member);
      expect(members.map((m) => m.user_id)).toEqual(memberships(seeded.id).map((m) => m.user_id));
      expect(members[0].email).toMatch(/@example\.com$/);
      // Member pages carry `next` until an empty one: ceil(n / 2) full or partial pages, then that one.
      expect(requests('GET /api/v2/organizations/:id/members')).toBe(
        Math.ceil(memberships(seeded.id).length / 2) + 1,
      );

      for (const membership of memberships(seeded.id)) {
        const expected = membership.role_ids.map((id) => roleName.get(id));
        const listed = members.find((m) => m.user_id === membership.user_id)!;
        expect(listed.roles?.map((r) => r.name)).toEqual(expected);
        const roles = await sdk.organizations.members.roles.list(seeded.id, membership.user_id);
        expect(roles.data.map((r) => r.name)).toEqual(expected);
        expect(roles.response.total).toBe(expected.length);
      }
    });

    it('pages through the tenant’s roles, filters them by name and reads one', async () => {
      const names: string[] = [];
      for await (const role of await sdk.roles.list({ per_page: 3 })) names.push(role.name!);
      expect(names).toEqual(data().roles.map((r) => r.name));
      const filtered = await sdk.roles.list({ name_filter: 'ADMIN' });
      expect(filtered.data.map((r) => r.name)).toEqual(['admin']);
      const seeded = data().roles[1];
      expect(await sdk.roles.get(seeded.id)).toEqual(seeded);
    });

    it('surfaces 404s as ManagementErrors carrying Auth0’s error body', async () => {
      const org = data().organizations[0];
      const cases: Array<[() => Promise<unknown>, string]> = [
        [
          () => sdk.organizations.get('org_doesnotexist0000'),
          'No organization found by that id or name',
        ],
        [
          () => sdk.organizations.getByName('no-such-org'),
          'No organization found by that id or name',
        ],
        [
          () => sdk.organizations.enabledConnections.get('org_doesnotexist0000', 'con_x'),
          'No organization found by that id or name',
        ],
        [
          () => sdk.organizations.enabledConnections.get(org.id, 'con_doesnotexist000'),
          'The connection does not exist.',
        ],
        [
          () => sdk.organizations.connections.get(org.id, 'con_doesnotexist000'),
          'The connection does not exist.',
        ],
        [() => sdk.roles.get('rol_doesnotexist000'), 'The role does not exist.'],
        // A route the emulator does not serve: the framework's own 404, not an organization's.
        [() => sdk.roles.users.list(data().roles[0].id), 'Not Found'],
      ];
      for (const [call, message] of cases) {
        const error = await thrown(call);
        expect(error).toBeInstanceOf(ManagementError);
        expect(error).toMatchObject({
          statusCode: 404,
          body: { statusCode: 404, error: 'Not Found', message },
        });
      }
    });

    it('surfaces a rejected token and rejected client credentials as 401s', async () => {
      const badToken = auth0Sdk(emulators.auth0, { token: 'not-a-token' });
      const error = await thrown(() => badToken.organizations.get(data().organizations[0].id));
      expect(error).toBeInstanceOf(Management.UnauthorizedError);
      expect(error).toMatchObject({ statusCode: 401, body: { message: 'Invalid token.' } });

      const { clientId } = emulators.auth0.credentials;
      const badSecret = auth0Sdk(emulators.auth0, { clientId, clientSecret: 'wrong' });
      const grantError = await thrown(() => badSecret.roles.list());
      expect(grantError).toBeInstanceOf(ManagementError);
      expect(grantError).toMatchObject({ statusCode: 401 });
      expect(requests('GET /api/v2/roles')).toBe(0);
    });

    it('surfaces a 429 as TooManyRequestsError, and retries one after Retry-After', async () => {
      const id = data().organizations[0].id;
      const noRetries = auth0Sdk(emulators.auth0, emulators.auth0.credentials, { maxRetries: 0 });
      emulators.auth0.setKnobs({ rateLimit: { limit: 1, periodSeconds: 3600 } });
      await noRetries.organizations.get(id);
      const error = await thrown(() => noRetries.organizations.get(id));
      expect(error).toBeInstanceOf(Management.TooManyRequestsError);
      expect(error).toMatchObject({
        statusCode: 429,
        body: { statusCode: 429, errorCode: 'too_many_requests' },
      });

      emulators.auth0.reset();
      emulators.auth0.setKnobs({
        faults: [{ route: 'GET /api/v2/organizations/:id', status: 429, times: 1 }],
      });
      expect((await sdk.organizations.get(id)).id).toBe(id);
      expect(requests('GET /api/v2/organizations/:id')).toBe(2);
    });
  });

  describe('datadog-api-client OrgConnectionsApi', () => {
    let sdk: ReturnType<typeof datadogSdk>;
    const data = () => emulators.datadog.data;
    const ZERO = '00000000-0000-0000-0000-000000000000';

    beforeAll(() => {
      sdk = datadogSdk(emulators.datadog);
    });

    it('lists every connection, parsed into its models, with totals', async () => {
      const response = await sdk.listOrgConnections();
      expect(unparsedPaths(response)).toEqual([]);
      expect(response.meta?.page).toEqual({
        totalCount: data().connections.length,
        totalFilteredCount: data().connections.length,
      });
      expect(response.data.map((c) => c.id)).toEqual(data().connections.map((c) => c.id));
      response.data.forEach((parsed, i) => {
        const seeded = data().connections[i];
        expect(parsed.attributes.connectionTypes).toEqual(seeded.attributes.connection_types);
        expect(parsed.attributes.createdAt).toBeInstanceOf(Date);
        expect(parsed.attributes.createdAt.toISOString().slice(0, 23)).toBe(
          seeded.attributes.created_at.slice(0, 23),
        );
        expect(parsed.relationships.sourceOrg?.data).toEqual(seeded.relationships.source_org?.data);
        expect(parsed.relationships.sinkOrg?.data).toEqual(seeded.relationships.sink_org?.data);
        expect(parsed.relationships.createdBy?.data).toEqual(seeded.relationships.created_by?.data);
      });
    });

    it('filters by source and sink org, and pages with limit and offset', async () => {
      const source = data().connections[0].relationships.source_org!.data.id;
      const fromSource = data().connections.filter(
        (c) => c.relationships.source_org?.data.id === source,
      );
      const bySource = await sdk.listOrgConnections({ sourceOrgId: source });
      expect(bySource.data.map((c) => c.id)).toEqual(fromSource.map((c) => c.id));
      expect(bySource.meta?.page?.totalFilteredCount).toBe(fromSource.length);

      const sink = data().connections[1].relationships.sink_org!.data.id;
      const bySink = await sdk.listOrgConnections({ sinkOrgId: sink });
      expect(bySink.data.every((c) => c.relationships.sinkOrg?.data?.id === sink)).toBe(true);
      expect(bySink.data.length).toBeGreaterThan(0);

      const page = await sdk.listOrgConnections({ limit: 5, offset: 10 });
      expect(page.data.map((c) => c.id)).toEqual(
        data()
          .connections.slice(10, 15)
          .map((c) => c.id),
      );
      expect(page.meta?.page?.totalCount).toBe(data().connections.length);
    });

    it('creates, updates and deletes a connection', async () => {
      const current = data().currentOrgId;
      const taken = new Set(
        data()
          .connections.filter((c) => c.relationships.source_org?.data.id === current)
          .map((c) => c.relationships.sink_org?.data.id),
      );
      const sink = data().orgs.find((o) => o.id !== current && !taken.has(o.id))!;
      const before = data().connections.length;

      const created = await sdk.createOrgConnections({
        body: {
          data: {
            type: 'org_connection',
            attributes: { connectionTypes: ['logs'] },
            relationships: { sinkOrg: { data: { id: sink.id, type: 'orgs' } } },
          },
        },
      });
      expect(unparsedPaths(created)).toEqual([]);
      expect(created.data.relationships.sinkOrg?.data).toEqual({
        id: sink.id,
        name: sink.name,
        type: 'orgs',
      });
      const id = created.data.id;

      const updated = await sdk.updateOrgConnections({
        connectionId: id,
        body: {
          data: { id, type: 'org_connection', attributes: { connectionTypes: ['logs', 'audit'] } },
        },
      });
      expect(unparsedPaths(updated)).toEqual([]);
      expect(updated.data.attributes.connectionTypes).toEqual(['logs', 'audit']);

      const duplicate = await thrown(() =>
        sdk.createOrgConnections({
          body: {
            data: {
              type: 'org_connection',
              attributes: { connectionTypes: ['metrics'] },
              relationships: { sinkOrg: { data: { id: sink.id, type: 'orgs' } } },
            },
          },
        }),
      );
      expect(duplicate).toMatchObject({
        code: 409,
        body: { errors: [expect.stringMatching(/already exists$/)] },
      });

      await sdk.deleteOrgConnections({ connectionId: id });
      expect(data().connections).toHaveLength(before);
      expect((await sdk.listOrgConnections()).data.map((c) => c.id)).not.toContain(id);
    });

    it('surfaces 400, 403, 404 and 429 as ApiExceptions carrying Datadog’s error body', async () => {
      const notFound = await thrown(() =>
        sdk.updateOrgConnections({
          connectionId: ZERO,
          body: {
            data: { id: ZERO, type: 'org_connection', attributes: { connectionTypes: ['logs'] } },
          },
        }),
      );
      expect(notFound).toBeInstanceOf(datadogClient.ApiException);
      expect(notFound).toMatchObject({
        code: 404,
        body: { errors: [`Org connection with id:${ZERO} not found not found`] },
      });

      const malformed = await thrown(() =>
        sdk.deleteOrgConnections({ connectionId: 'malformed_id' }),
      );
      expect(malformed).toMatchObject({
        code: 400,
        body: { errors: ['connection id must be a valid uuid'] },
      });

      const wrongKeys = datadogSdk(emulators.datadog, { apiKey: 'nope', appKey: 'nope' });
      const forbidden = await thrown(() => wrongKeys.listOrgConnections());
      expect(forbidden).toMatchObject({ code: 403, body: { errors: ['Forbidden'] } });

      // An API the emulator does not serve answers Datadog's bare "Not found"; the spec lists no 404
      // for this operation, so the SDK keeps the body as text.
      const unknownRoute = await thrown(() => sdk.orgs.listOrgs());
      expect(unknownRoute).toMatchObject({
        code: 404,
        body: expect.stringContaining('{"errors":["Not found"]}'),
      });

      emulators.datadog.setKnobs({ rateLimit: { limit: 1, periodSeconds: 3600 } });
      await sdk.listOrgConnections({ limit: 1 });
      const limited = await thrown(() => sdk.listOrgConnections({ limit: 1 }));
      expect(limited).toBeInstanceOf(datadogClient.ApiException);
      expect(limited).toMatchObject({ code: 429, body: { errors: ['Too many requests'] } });
    });
  });
});
