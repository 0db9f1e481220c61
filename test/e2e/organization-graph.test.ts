import type {
  Auth0Organization,
  Auth0OrganizationConnection,
} from '../../src/emulators/auth0/auth0-data';
import type {
  CruxConnectionJson,
  CruxOrganizationJson,
  CruxUserJson,
} from '../../src/emulators/crux/crux-data';
import type {
  DatadogOrgConnection,
  DatadogOrgConnectionRelationships,
} from '../../src/emulators/datadog/datadog-data';
import { startTestStack, type TestStack } from '../support/test-stack';
import { restGet } from '../support/rest-get';

/** A listed org connection names its source, sink and creator. */
type ListedOrgConnection = DatadogOrgConnection & {
  relationships: Required<DatadogOrgConnectionRelationships>;
};

/** The organization → connections → organizations → connections walk, as selected. */
interface WalkedOrganization {
  id: string;
  provider: string;
  connections: {
    items: Array<{
      id: string;
      organizations: Array<{
        id: string;
        provider: string;
        connections: { totalCount: number; items: Array<{ id: string }> };
      }>;
    }>;
  };
}

/**
 * The graph end to end: the generated SDK over HTTP to orgraph, orgraph over HTTP to the emulators.
 * Expected values are read from the emulators' own REST responses, so the tests check the mapping of
 * real data, field by field.
 */
describe('the organization graph over Crux, Auth0 and Datadog', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  it('lists organizations from all three providers, with totals and paging', async () => {
    const all = await stack.sdk.OrganizationsWithConnections({ limit: 500 });
    const providers = new Set(all.organizations.items.map((o) => o.provider));
    expect(providers).toEqual(new Set(['CRUX', 'AUTH0', 'DATADOG']));
    expect(all.organizations.totalCount).toBe(all.organizations.items.length);

    const page = await stack.sdk.OrganizationsWithConnections({ offset: 5, limit: 5 });
    expect(page.organizations.totalCount).toBe(all.organizations.totalCount);
    expect(page.organizations.items.map((o) => o.id)).toEqual(
      all.organizations.items.slice(5, 10).map((o) => o.id),
    );
    expect(page.organizations.hasNextPage).toBe(true);
  });

  it('maps every field of a Crux connection, its parties and contacts', async () => {
    const { crux } = stack.emulators;
    const raw = (await restGet(crux.url, '/organizations/connections/', {
      authorization: `Token ${crux.credentials.token}`,
    })) as CruxConnectionJson[];
    const result = await stack.sdk.Connections({ filter: { providers: ['CRUX'] }, limit: 500 });
    expect(result.connections.totalCount).toBe(raw.length);

    const wire =
      raw.find((c) => c.account_manager !== null && c.status === 'CONFIRMATION WAITING') ?? raw[0];
    const item = result.connections.items.find((c) => c.nativeId === wire.uuid)!;
    expect(item).toMatchObject({
      provider: 'CRUX',
      kind: 'RETAILER_SUPPLIER',
      status: wire.status.replace(' ', '_'),
      suppliersRetailerAccountNumber: wire.suppliers_retailer_account_number,
      retailersSupplierAccountNumber: wire.retailers_supplier_account_number,
      retailer: {
        uuid: wire.retailer.uuid,
        contact: {
          uuid: wire.retailer.contact.uuid,
          firstName: wire.retailer.contact.first_name,
          lastName: wire.retailer.contact.last_name,
          email: wire.retailer.contact.email,
          phone: wire.retailer.contact.phone,
          jobTitle: wire.retailer.contact.job_title,
        },
        organization: { name: wire.retailer.organization.name },
      },
      supplier: {
        uuid: wire.supplier.uuid,
        contact: { uuid: wire.supplier.contact.uuid, email: wire.supplier.contact.email },
        organization: { name: wire.supplier.organization.name },
      },
      connectionTypes: null,
      identityConnection: null,
    });
    if (wire.account_manager) {
      expect(item.accountManager).toEqual({
        uuid: wire.account_manager.uuid,
        person: {
          uuid: wire.account_manager.person.uuid,
          firstName: wire.account_manager.person.first_name,
          lastName: wire.account_manager.person.last_name,
          email: wire.account_manager.person.email,
          phone: wire.account_manager.person.phone,
          jobTitle: wire.account_manager.person.job_title,
        },
      });
    }
    expect(item.organizations!.map((o) => o.name)).toEqual([
      wire.retailer.organization.name,
      wire.supplier.organization.name,
    ]);
  });

  it('maps every field of a Crux organization, account manager included', async () => {
    const { crux } = stack.emulators;
    const own = (await restGet(crux.url, '/organizations/', {
      authorization: `Token ${crux.credentials.token}`,
    })) as CruxOrganizationJson;
    const orgs = await stack.sdk.OrganizationsWithConnections({ filter: { providers: ['CRUX'] } });
    const ownItem = orgs.organizations.items.find((o) => o.nativeId === own.uuid)!;
    const { organization } = await stack.sdk.Organization({ id: ownItem.id });
    expect(organization).toMatchObject({
      provider: 'CRUX',
      nativeId: own.uuid,
      name: own.name,
      website: own.website ?? null,
      orgType: own.org_type,
      status: own.status,
      createdDate: own.created_date,
      activeDate: own.active_date,
      branding: null,
      metadata: null,
    });
    if (own.account_manager) {
      expect(organization!.accountManager!.uuid).toBe(own.account_manager.uuid);
      expect(organization!.accountManager!.person.email).toBe(own.account_manager.person.email);
    }
  });

  it('maps every field of an Auth0 organization and its identity connections', async () => {
    const { auth0 } = stack.emulators;
    const headers = { authorization: `Bearer ${auth0.credentials.token}` };
    const orgs = (await restGet(
      auth0.url,
      '/api/v2/organizations?per_page=100',
      headers,
    )) as Auth0Organization[];
    const wireOrg = orgs.find((o) => o.branding?.colors && o.metadata) ?? orgs[0];
    const wireConnections = (await restGet(
      auth0.url,
      `/api/v2/organizations/${wireOrg.id}/connections?per_page=100`,
      headers,
    )) as Auth0OrganizationConnection[];

    const list = await stack.sdk.OrganizationsWithConnections({
      filter: { providers: ['AUTH0'], nameContains: wireOrg.display_name },
    });
    const summary = list.organizations.items.find((o) => o.nativeId === wireOrg.id)!;
    const { organization } = await stack.sdk.Organization({ id: summary.id });
    expect(organization).toMatchObject({
      provider: 'AUTH0',
      nativeId: wireOrg.id,
      name: wireOrg.name,
      displayName: wireOrg.display_name,
      orgType: null,
      metadata: wireOrg.metadata ?? null,
    });
    if (wireOrg.branding) {
      expect(organization!.branding!.logoUrl).toBe(wireOrg.branding.logo_url);
      if (wireOrg.branding.colors) {
        expect(organization!.branding!.colors).toEqual({
          primary: wireOrg.branding.colors.primary,
          pageBackground: wireOrg.branding.colors.page_background,
        });
      }
    }

    const connections = await stack.sdk.Connections({
      filter: { organizationId: summary.id },
      limit: 500,
    });
    expect(connections.connections.totalCount).toBe(wireConnections.length);
    for (const wire of wireConnections) {
      const item = connections.connections.items.find((c) => c.nativeId === wire.connection_id)!;
      expect(item).toMatchObject({
        provider: 'AUTH0',
        kind: 'IDENTITY',
        identityConnection: {
          connectionId: wire.connection_id,
          name: wire.connection.name,
          strategy: wire.connection.strategy,
        },
        organizationConnectionName: wire.organization_connection_name ?? null,
        assignMembershipOnLogin: wire.assign_membership_on_login,
        showAsButton: wire.show_as_button,
        isSignupEnabled: wire.is_signup_enabled ?? null,
        organizationAccessLevel: wire.organization_access_level.toUpperCase(),
        isEnabled: wire.is_enabled,
        status: null,
      });
      expect(item.organizations!.map((o) => o.id)).toEqual([summary.id]);
    }
  });

  it('maps every field of a Datadog org connection: source, sink, creator, types, date', async () => {
    const { datadog } = stack.emulators;
    const wire = (await restGet(datadog.url, '/api/v2/org_connections', {
      'dd-api-key': datadog.credentials.apiKey,
      'dd-application-key': datadog.credentials.appKey,
    })) as { data: ListedOrgConnection[] };
    const result = await stack.sdk.Connections({ filter: { providers: ['DATADOG'] }, limit: 500 });
    expect(result.connections.totalCount).toBe(wire.data.length);
    const userNames = new Map<string, string | null>();
    for (const raw of wire.data) {
      const user = raw.relationships.created_by.data;
      if (user.name || !userNames.has(user.id)) userNames.set(user.id, user.name ?? null);
    }
    for (const raw of wire.data) {
      const item = result.connections.items.find((c) => c.nativeId === raw.id)!;
      const rel = raw.relationships;
      expect(item).toMatchObject({
        kind: 'ORG_DATA_SHARING',
        connectionTypes: raw.attributes.connection_types,
        createdAt: raw.attributes.created_at,
        source: { nativeId: rel.source_org.data.id, name: rel.source_org.data.name },
        sink: { nativeId: rel.sink_org.data.id, name: rel.sink_org.data.name },
        createdBy: {
          nativeId: rel.created_by.data.id,
          name: userNames.get(rel.created_by.data.id),
        },
      });
    }
    // A creator listed without a name somewhere still gets the name other connections give it.
    expect(wire.data.some((c) => c.relationships.created_by.data.name === undefined)).toBe(true);
  });

  it('filters Datadog connections by source and sink organization upstream', async () => {
    const all = await stack.sdk.Connections({ filter: { providers: ['DATADOG'] }, limit: 500 });
    const first = all.connections.items[0];
    const fromSource = await stack.sdk.Connections({
      filter: { sourceOrganizationId: first.source!.id },
      limit: 500,
    });
    const expected = all.connections.items.filter((c) => c.source!.id === first.source!.id);
    expect(fromSource.connections.items.map((c) => c.id).sort()).toEqual(
      expected.map((c) => c.id).sort(),
    );
    const pair = await stack.sdk.Connections({
      filter: { sourceOrganizationId: first.source!.id, sinkOrganizationId: first.sink!.id },
    });
    expect(pair.connections.items.map((c) => c.id)).toEqual([first.id]);
    const requested = stack.emulators.datadog.counter.requests().map((r) => r.url);
    expect(requested.some((u) => u.includes(`source_org_id=${first.source!.nativeId}`))).toBe(true);
  });

  it('walks organization → connections → organizations → connections across every provider', async () => {
    const result = await stack.query<{ organizations: { items: WalkedOrganization[] } }>(`{
      organizations(limit: 100) {
        items { id provider
          connections(limit: 20) { items { id
            organizations { id provider connections(limit: 20) { totalCount items { id } } } } } } } }`);
    expect(result.errors).toBeUndefined();
    for (const org of result.data!.organizations.items) {
      for (const connection of org.connections.items) {
        // Each connection links back to the organization it was reached from.
        expect(connection.organizations.map((o) => o.id)).toContain(org.id);
        for (const other of connection.organizations) {
          expect(other.provider).toBe(org.provider);
          expect(other.connections.items.map((c) => c.id)).toContain(connection.id);
        }
      }
    }
  });

  it('maps Crux users with person details, statuses and every permission assignment', async () => {
    const { crux } = stack.emulators;
    const raw = (await restGet(crux.url, '/organizations/users/all/', {
      authorization: `Token ${crux.credentials.token}`,
    })) as CruxUserJson[];
    const result = await stack.sdk.UsersWithPermissions({ filter: { providers: ['CRUX'] } });
    expect(result.users.totalCount).toBe(raw.length);
    for (const wire of raw) {
      const user = result.users.items.find((u) => u.nativeId === wire.uuid)!;
      expect(user).toMatchObject({
        status: wire.status.replace(' ', '_'),
        email: wire.person.email,
        orgUserId: wire.permission_assignments.org_user.uuid,
        person: {
          uuid: wire.person.uuid,
          firstName: wire.person.first_name,
          phone: wire.person.phone,
        },
      });
      expect(
        user.permissionAssignments.map((a) => [
          a.permission.name,
          a.assigned,
          a.permission.grouping,
        ]),
      ).toEqual(
        wire.permission_assignments.permissions.map((p) => [
          p.permission.name,
          p.assigned,
          p.permission.grouping,
        ]),
      );
      const assigned = wire.permission_assignments.permissions.filter((p) => p.assigned);
      expect(user.permissions.map((p) => p.name)).toEqual(assigned.map((p) => p.permission.name));
      // Each permission's users include the user it was reached from.
      for (const permission of user.permissions) {
        expect(permission.users!.map((u) => u.id)).toContain(user.id);
      }
      expect(user.organizations!.length).toBe(1);
    }
  });

  it('maps Auth0 members and their roles, with role descriptions', async () => {
    const result = await stack.sdk.UsersWithPermissions({
      filter: { providers: ['AUTH0'] },
      limit: 500,
    });
    expect(result.users.totalCount).toBeGreaterThan(0);
    const withRoles = result.users.items.find((u) => u.permissions.length > 0)!;
    expect(withRoles.organizations).toHaveLength(1);
    const { auth0 } = stack.emulators;
    const [orgId] = withRoles.organizations!.map((o) => o);
    const orgNative = (await stack.sdk.Node({ id: orgId.id })).node!.nativeId;
    const wireRoles = (await restGet(
      auth0.url,
      `/api/v2/organizations/${orgNative}/members/${encodeURIComponent(withRoles.nativeId)}/roles`,
      { authorization: `Bearer ${auth0.credentials.token}` },
    )) as Array<{ id: string; name: string; description: string }>;
    expect(
      withRoles.permissionAssignments.map((a) => [a.permission.name, a.permission.description]),
    ).toEqual(wireRoles.map((r) => [r.name, r.description]));
    expect(withRoles.picture).toMatch(/^https?:/);
  });

  it('lists permissions of Crux and Auth0, each with its holders', async () => {
    const result = await stack.sdk.Permissions({});
    const providers = new Set(result.permissions.items.map((p) => p.provider));
    expect(providers).toEqual(new Set(['CRUX', 'AUTH0']));
    const crux = result.permissions.items.find((p) => p.provider === 'CRUX')!;
    expect(crux.displayName).toEqual(expect.any(String));
    expect(crux.visibility).toMatch(/^(SUPPLIER|RETAILER|BOTH)$/);
  });

  it('fetches any object by global ID with node, and nulls for missing ones', async () => {
    const orgs = await stack.sdk.OrganizationsWithConnections({ limit: 500 });
    for (const provider of ['CRUX', 'AUTH0', 'DATADOG']) {
      const org = orgs.organizations.items.find((o) => o.provider === provider)!;
      const { node } = await stack.sdk.Node({ id: org.id });
      expect(node).toEqual({
        __typename: 'Organization',
        id: org.id,
        provider,
        nativeId: org.nativeId,
      });
    }
    const missing = Buffer.from(JSON.stringify(['Organization', 'AUTH0', 'org_missing'])).toString(
      'base64url',
    );
    expect((await stack.sdk.Node({ id: missing })).node).toBeNull();
  });

  it('says which providers are enabled', async () => {
    const { providers } = await stack.sdk.Providers();
    expect(providers).toEqual([
      { provider: 'CRUX', label: 'Crux Connect', enabled: true },
      { provider: 'AUTH0', label: 'Auth0', enabled: true },
      { provider: 'DATADOG', label: 'Datadog', enabled: true },
    ]);
  });

  it('filters by name across providers, where the same company appears at several', async () => {
    const all = await stack.sdk.OrganizationsWithConnections({ limit: 500 });
    const byName = new Map<string, Set<string>>();
    for (const org of all.organizations.items) {
      const name = (org.displayName ?? org.name).toLowerCase();
      byName.set(name, (byName.get(name) ?? new Set()).add(org.provider));
    }
    const shared = [...byName.entries()].find(([, providers]) => providers.size >= 2)!;
    expect(shared).toBeDefined();
    const filtered = await stack.sdk.OrganizationsWithConnections({
      filter: { nameContains: shared[0].toUpperCase() },
    });
    const providers = new Set(filtered.organizations.items.map((o) => o.provider));
    for (const p of shared[1]) expect(providers).toContain(p);
  });
});
