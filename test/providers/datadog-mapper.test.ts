import { DatadogEmulator } from '../../src/emulators/datadog/datadog-emulator';
import type { DatadogOrgConnection } from '../../src/emulators/datadog/datadog-data';
import { ConnectionKind } from '../../src/graph/connection/connection-kind.enum';
import { decodeGlobalId, encodeGlobalId } from '../../src/model/global-id';
import { Provider } from '../../src/model/provider';
import {
  mapConnection,
  mapOrganization,
  mapUser,
} from '../../src/providers/datadog/datadog-mapper';
import { sourceFor } from './datadog-fixtures';

const ref = (key: string) => ({ provider: Provider.DATADOG, key });

describe('Datadog mapping', () => {
  const emulator = new DatadogEmulator({ seed: 42, size: 12 });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('maps every connection field from the listing', async () => {
    const connections = await sourceFor(emulator).connections({});
    expect(connections).toHaveLength(emulator.data.connections.length);
    connections.forEach((c, i) => {
      const wire = emulator.data.connections[i];
      const { source_org, sink_org, created_by } = wire.relationships;
      // The global ID is computed when read (Node.id), the rest are the object's own fields.
      expect({ ...c, id: c.id }).toEqual({
        __typename: 'Connection',
        id: encodeGlobalId('Connection', Provider.DATADOG, wire.id),
        provider: Provider.DATADOG,
        nativeId: wire.id,
        key: wire.id,
        kind: ConnectionKind.ORG_DATA_SHARING,
        status: null,
        retailer: null,
        supplier: null,
        accountManager: null,
        suppliersRetailerAccountNumber: null,
        retailersSupplierAccountNumber: null,
        connectionTypes: wire.attributes.connection_types,
        createdAt: wire.attributes.created_at,
        identityConnection: null,
        organizationConnectionName: null,
        assignMembershipOnLogin: null,
        showAsButton: null,
        isSignupEnabled: null,
        organizationAccessLevel: null,
        isEnabled: null,
        organizationRefs: [ref(source_org!.data.id), ref(sink_org!.data.id)],
        sourceRef: ref(source_org!.data.id),
        sinkRef: ref(sink_org!.data.id),
        createdByRef: ref(created_by!.data.id),
      });
    });
    expect(decodeGlobalId(connections[0].id)).toEqual({
      type: 'Connection',
      provider: Provider.DATADOG,
      key: emulator.data.connections[0].id,
    });
  });

  it('derives organizations and users from the connections, names included', async () => {
    const source = sourceFor(emulator);
    const orgs = await source.organizations();
    const connected = new Set(
      emulator.data.connections.flatMap((c) => [
        c.relationships.source_org!.data.id,
        c.relationships.sink_org!.data.id,
      ]),
    );
    expect(orgs.map((o) => o.key).sort()).toEqual([...connected].sort());
    for (const org of orgs) {
      const seeded = emulator.data.orgs.find((o) => o.id === org.key)!;
      expect({ ...org, id: org.id }).toEqual({
        __typename: 'Organization',
        id: encodeGlobalId('Organization', Provider.DATADOG, seeded.id),
        provider: Provider.DATADOG,
        nativeId: seeded.id,
        key: seeded.id,
        name: seeded.name,
        displayName: null,
        website: null,
        orgType: null,
        status: null,
        createdDate: null,
        activeDate: null,
        accountManager: null,
        branding: null,
        metadata: null,
      });
    }

    const users = await source.users();
    const creators = new Set(
      emulator.data.connections.map((c) => c.relationships.created_by!.data.id),
    );
    expect(users.map((u) => u.key).sort()).toEqual([...creators].sort());
    for (const user of users) {
      const seeded = emulator.data.users.find((u) => u.id === user.key)!;
      expect({ ...user, id: user.id }).toEqual({
        __typename: 'User',
        id: encodeGlobalId('User', Provider.DATADOG, seeded.id),
        provider: Provider.DATADOG,
        nativeId: seeded.id,
        key: seeded.id,
        // Every seeded user creates several connections, some of them named.
        name: seeded.name,
        email: null,
        picture: null,
        status: null,
        person: null,
        orgUserId: null,
        permissionAssignments: [],
      });
    }
  });

  it('maps a creator without a name to name null', () => {
    const nameless = emulator.data.connections[3].relationships.created_by!.data;
    expect(nameless.name).toBeUndefined(); // the seed drops every tenth creator's name
    expect(mapUser(nameless).name).toBeNull();
    expect(mapUser({ id: 'u1', name: 'Ada' }).name).toBe('Ada');
  });

  it('names an org by its id only when no occurrence names it', async () => {
    expect(mapOrganization({ id: 'org-1' }).name).toBe('org-1');
    expect(mapOrganization({ id: 'org-1', name: '  ' }).name).toBe('org-1');

    // The first occurrence of an org without a name, a later one with it: the name wins.
    const [first] = emulator.data.connections;
    const orgId = first.relationships.source_org!.data.id;
    const saved = structuredClone(first);
    delete first.relationships.source_org!.data.name;
    try {
      const source = sourceFor(emulator);
      const named = emulator.data.orgs.find((o) => o.id === orgId)!.name;
      expect((await source.organization(orgId))?.name).toBe(named);
      expect((await source.organizations()).find((o) => o.key === orgId)?.name).toBe(named);
    } finally {
      emulator.data.connections[0] = saved;
    }
  });

  it('accepts new connection types, nameless orgs and creators, and missing relationships', async () => {
    const extra: DatadogOrgConnection = {
      type: 'org_connection',
      id: '00000000-0000-4000-8000-000000000001',
      attributes: {
        created_at: '2025-09-01T00:00:00.000000+00:00',
        connection_types: ['traces' as never],
      },
      relationships: {
        source_org: { data: { type: 'orgs', id: 'orgless-source' } },
        sink_org: { data: { type: 'orgs', id: 'orgless-sink' } },
        created_by: { data: { type: 'users', id: 'nameless-user' } },
      },
    };
    emulator.data.connections.push(extra);
    try {
      const source = sourceFor(emulator);
      const mapped = await source.connection(extra.id);
      expect(mapped?.connectionTypes).toEqual(['traces']);
      expect(mapped?.createdByRef).toEqual(ref('nameless-user'));
      expect((await source.user('nameless-user'))?.name).toBeNull();
      expect((await source.organization('orgless-sink'))?.name).toBe('orgless-sink');
    } finally {
      emulator.data.connections.pop();
    }
    const noSides = mapConnection({ ...extra, relationships: {} });
    expect(noSides.organizationRefs).toEqual([]);
    expect(noSides.sourceRef).toBeNull();
    expect(noSides.createdByRef).toBeNull();
  });
});
