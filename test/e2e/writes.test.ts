import { Writable } from 'node:stream';
import pino from 'pino';
import { encodeGlobalId } from '../../src/model/global-id';
import { Provider } from '../../src/model/provider';
import { startTestStack, upstreamCalls, type TestStack } from '../support/test-stack';

const DATADOG_CONNECTIONS = `{ connections(filter: { providers: [DATADOG] }, limit: 500) {
  totalCount items { id nativeId connectionTypes sink { nativeId } } } }`;

interface ConnectionRow {
  id: string;
  nativeId: string;
  connectionTypes: string[];
  sink: { nativeId: string } | null;
}

const CREATE = `mutation($input: CreateOrgDataSharingConnectionInput!) {
  createOrgDataSharingConnection(input: $input) {
    connection { id nativeId connectionTypes sink { nativeId name } }
    userErrors { field message code } } }`;
const UPDATE = `mutation($input: UpdateOrgDataSharingConnectionInput!) {
  updateOrgDataSharingConnection(input: $input) {
    connection { id connectionTypes } userErrors { field message code } } }`;
const DELETE = `mutation($input: ConnectionIdInput!) {
  deleteConnection(input: $input) { removedConnectionId userErrors { field message code } } }`;

interface Payload {
  connection: (ConnectionRow & { sink: { nativeId: string; name: string } }) | null;
  userErrors: Array<{ field: string[]; message: string; code: string }>;
}

/** Mutations over HTTP against the emulators: state changes, the next read shows them, bad input costs
 * nothing upstream, provider refusals are user errors, and every write leaves an audit line. */
describe('writes', () => {
  let stack: TestStack;
  const logLines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          logLines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    stack = await startTestStack({ logger: pino({ level: 'info' }, sink) });
  });
  afterAll(() => stack.stop());
  beforeEach(async () => {
    await stack.reset();
    logLines.length = 0;
  });

  const datadog = () => stack.emulators.datadog;
  const total = () => upstreamCalls(stack.emulators).total;
  const audits = () => logLines.filter((l) => l.audit).map((l) => l.audit);

  async function listed(): Promise<ConnectionRow[]> {
    const result = await stack.query<{ connections: { items: ConnectionRow[] } }>(
      DATADOG_CONNECTIONS,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.connections.items;
  }

  /** An org the keys' own org has no connection to yet. */
  function freeSinkOrg(): string {
    const { data } = datadog();
    const taken = new Set(
      data.connections
        .filter((c) => c.relationships.source_org?.data.id === data.currentOrgId)
        .map((c) => c.relationships.sink_org?.data.id),
    );
    return data.orgs.find((o) => o.id !== data.currentOrgId && !taken.has(o.id))!.id;
  }

  it('creates, updates and deletes a Datadog org connection; the next read (cache on) shows each', async () => {
    const before = await listed();
    const sinkOrg = freeSinkOrg();

    const created = await stack.query<{ createOrgDataSharingConnection: Payload }>(CREATE, {
      input: { sinkOrganizationId: sinkOrg, connectionTypes: ['LOGS', 'METRICS'] },
    });
    expect(created.errors).toBeUndefined();
    const payload = created.data!.createOrgDataSharingConnection;
    expect(payload.userErrors).toEqual([]);
    expect(payload.connection).toMatchObject({
      connectionTypes: ['logs', 'metrics'],
      sink: { nativeId: sinkOrg },
    });
    const id = payload.connection!.id;
    expect(id).toBe(encodeGlobalId('Connection', Provider.DATADOG, payload.connection!.nativeId));
    // The emulator holds it, and the next read, from a warm cache, shows it.
    expect(datadog().data.connections.some((c) => c.id === payload.connection!.nativeId)).toBe(
      true,
    );
    const afterCreate = await listed();
    expect(afterCreate).toHaveLength(before.length + 1);
    expect(afterCreate.find((c) => c.id === id)?.connectionTypes).toEqual(['logs', 'metrics']);

    const updated = await stack.query<{ updateOrgDataSharingConnection: Payload }>(UPDATE, {
      input: { id, connectionTypes: ['AUDIT'] },
    });
    expect(updated.data!.updateOrgDataSharingConnection).toEqual({
      connection: { id, connectionTypes: ['audit'] },
      userErrors: [],
    });
    expect((await listed()).find((c) => c.id === id)?.connectionTypes).toEqual(['audit']);

    const deleted = await stack.query<{
      deleteConnection: { removedConnectionId: string | null; userErrors: unknown[] };
    }>(DELETE, { input: { id } });
    expect(deleted.data!.deleteConnection).toEqual({ removedConnectionId: id, userErrors: [] });
    expect((await listed()).map((c) => c.id)).toEqual(before.map((c) => c.id));

    expect(audits()).toEqual([
      expect.objectContaining({
        caller: 'anonymous',
        operation: 'createOrgDataSharingConnection',
        provider: 'DATADOG',
        outcome: 'ok',
      }),
      expect.objectContaining({ operation: 'updateOrgDataSharingConnection', outcome: 'ok' }),
      expect.objectContaining({ operation: 'deleteConnection', outcome: 'ok' }),
    ]);
    // No credential in any log line.
    const logged = JSON.stringify(logLines);
    expect(logged).not.toContain(datadog().credentials.apiKey);
    expect(logged).not.toContain(datadog().credentials.appKey);
  });

  it('a second caller of the same tenant sees the write at once, though its own read was cached', async () => {
    // Another key pair of the same Datadog org (read-only): its own credential fingerprint, its own
    // cache entries, the same data.
    const { readOnly } = datadog().credentials;
    const theirs = {
      'x-datadog-api-key': readOnly.apiKey,
      'x-datadog-application-key': readOnly.appKey,
    };
    const read = (headers?: Record<string, string>) =>
      stack.query<{ connections: { totalCount: number } }>(
        '{ connections(filter: { providers: [DATADOG] }) { totalCount } }',
        undefined,
        headers,
      );
    const before = (await read(theirs)).data!.connections.totalCount;
    await read(theirs);
    const created = await stack.query<{ createOrgDataSharingConnection: Payload }>(CREATE, {
      input: { sinkOrganizationId: freeSinkOrg(), connectionTypes: ['LOGS'] },
    });
    expect(created.data!.createOrgDataSharingConnection.userErrors).toEqual([]);
    expect((await read(theirs)).data!.connections.totalCount).toBe(before + 1);
  });

  it("a key the provider does not let write: UPSTREAM_FORBIDDEN, the provider's refusal of the system", async () => {
    const { readOnly } = datadog().credentials;
    const result = await stack.query<{ createOrgDataSharingConnection: Payload | null }>(
      CREATE,
      { input: { sinkOrganizationId: freeSinkOrg(), connectionTypes: ['LOGS'] } },
      { 'x-datadog-api-key': readOnly.apiKey, 'x-datadog-application-key': readOnly.appKey },
    );
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.provider])).toEqual([
      ['UPSTREAM_FORBIDDEN', 'DATADOG'],
    ]);
    expect(datadog().counter.count('POST /api/v2/org_connections')).toBe(1);
    expect(audits()).toEqual([
      expect.objectContaining({
        operation: 'createOrgDataSharingConnection',
        outcome: 'failed:UPSTREAM_FORBIDDEN',
      }),
    ]);
  });

  it('bad input: BAD_USER_INPUT before any upstream call', async () => {
    const crux = await stack.query<{ organizations: { items: Array<{ id: string }> } }>(
      '{ organizations(filter: { providers: [CRUX] }, limit: 1) { items { id } } }',
    );
    const cruxOrg = crux.data!.organizations.items[0].id;
    await stack.reset();
    const attempts: Array<[string, Record<string, unknown>]> = [
      [CREATE, { input: { sinkOrganizationId: cruxOrg, connectionTypes: ['LOGS'] } }],
      [CREATE, { input: { sinkOrganizationId: freeSinkOrg(), connectionTypes: [] } }],
      [CREATE, { input: { sinkOrganizationId: freeSinkOrg(), connectionTypes: ['LOGS', 'LOGS'] } }],
      [CREATE, { input: { sinkOrganizationId: 'not an id', connectionTypes: ['LOGS'] } }],
      [UPDATE, { input: { id: encodeGlobalId('Connection', Provider.DATADOG, 'x') } }],
      [UPDATE, { input: { id: cruxOrg, connectionTypes: ['LOGS'] } }],
      [DELETE, { input: { id: encodeGlobalId('Connection', Provider.CRUX, 'x') } }],
    ];
    for (const [mutation, variables] of attempts) {
      const result = await stack.query(mutation, variables);
      expect([JSON.stringify(variables), result.errors?.map((e) => e.extensions?.code)]).toEqual([
        JSON.stringify(variables),
        ['BAD_USER_INPUT'],
      ]);
    }
    // An unknown enum value is refused by GraphQL itself.
    const badEnum = await stack.query(CREATE, {
      input: { sinkOrganizationId: freeSinkOrg(), connectionTypes: ['TRACES'] },
    });
    expect(badEnum.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(total()).toBe(0);
    expect(audits()).toEqual([]);
  });

  it('a provider conflict and a missing object are userErrors with clear codes', async () => {
    const sinkOrg = freeSinkOrg();
    const input = { sinkOrganizationId: sinkOrg, connectionTypes: ['LOGS'] };
    await stack.query(CREATE, { input });
    const again = await stack.query<{ createOrgDataSharingConnection: Payload }>(CREATE, { input });
    expect(again.errors).toBeUndefined();
    expect(again.data!.createOrgDataSharingConnection).toMatchObject({
      connection: null,
      userErrors: [{ field: ['input', 'sinkOrganizationId'], code: 'CONFLICT' }],
    });
    const missing = await stack.query<{
      deleteConnection: { userErrors: Array<{ code: string }> };
    }>(DELETE, {
      input: {
        id: encodeGlobalId('Connection', Provider.DATADOG, '00000000-0000-0000-0000-000000000000'),
      },
    });
    expect(missing.data!.deleteConnection.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect(audits().map((a) => (a as { outcome: string }).outcome)).toEqual([
      'ok',
      'rejected:CONFLICT',
      'rejected:NOT_FOUND',
    ]);
  });

  it('a POST that times out is sent once, and its outcome is unknown', async () => {
    datadog().setKnobs({ faults: [{ route: 'POST /api/v2/org_connections', timeout: true }] });
    const result = await stack.query<{ createOrgDataSharingConnection: Payload | null }>(CREATE, {
      input: { sinkOrganizationId: freeSinkOrg(), connectionTypes: ['LOGS'] },
    });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_OUTCOME_UNKNOWN']);
    expect(datadog().counter.count('POST /api/v2/org_connections')).toBe(1);
  });
});

describe('Auth0 writes', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.reset());

  const auth0 = () => stack.emulators.auth0;
  const orgId = () => auth0().data.organizations[0].id;
  const orgGlobalId = () => encodeGlobalId('Organization', Provider.AUTH0, orgId());

  interface OrgView {
    organization: {
      connections: {
        items: Array<{ id: string; nativeId: string; showAsButton: boolean; isEnabled: boolean }>;
      };
      users: {
        items: Array<{ id: string; nativeId: string; permissions: Array<{ nativeId: string }> }>;
      };
    };
  }
  const ORG_VIEW = `query($id: ID!) { organization(id: $id) {
    connections(limit: 500) { items { id nativeId showAsButton isEnabled } }
    users(limit: 500) { items { id nativeId permissions { nativeId } } } } }`;
  async function view() {
    const result = await stack.query<OrgView>(ORG_VIEW, { id: orgGlobalId() });
    expect(result.errors).toBeUndefined();
    return result.data!.organization;
  }

  it('adds, updates and removes an identity connection; the next read (cache on) shows each', async () => {
    await view(); // warm the cache
    const enabled = new Set(
      auth0().data.organizationConnections[orgId()].map((c) => c.connection_id),
    );
    const connection = auth0().data.connections.find((c) => !enabled.has(c.id))!;
    const added = await stack.query<{
      addIdentityConnection: {
        connection: { id: string; showAsButton: boolean } | null;
        userErrors: unknown[];
      };
    }>(
      `mutation($input: AddIdentityConnectionInput!) { addIdentityConnection(input: $input) {
        connection { id showAsButton identityConnection { connectionId } } userErrors { code message } } }`,
      { input: { organizationId: orgId(), connectionId: connection.id, showAsButton: true } },
    );
    expect(added.errors).toBeUndefined();
    expect(added.data!.addIdentityConnection.userErrors).toEqual([]);
    const id = added.data!.addIdentityConnection.connection!.id;
    expect((await view()).connections.items.find((c) => c.id === id)?.showAsButton).toBe(true);

    const updated = await stack.query<{
      updateIdentityConnection: { connection: { isEnabled: boolean } };
    }>(
      `mutation($input: UpdateIdentityConnectionInput!) { updateIdentityConnection(input: $input) {
        connection { isEnabled } userErrors { code } } }`,
      { input: { id, isEnabled: false } },
    );
    expect(updated.data!.updateIdentityConnection.connection.isEnabled).toBe(false);
    expect((await view()).connections.items.find((c) => c.id === id)?.isEnabled).toBe(false);

    const again = await stack.query<{
      addIdentityConnection: { userErrors: Array<{ code: string }> };
    }>(
      `mutation($input: AddIdentityConnectionInput!) { addIdentityConnection(input: $input) {
        userErrors { code } } }`,
      { input: { organizationId: orgGlobalId(), connectionId: connection.id } },
    );
    expect(again.data!.addIdentityConnection.userErrors.map((e) => e.code)).toEqual(['CONFLICT']);

    const removed = await stack.query<{
      removeIdentityConnection: { removedConnectionId: string };
    }>(
      `mutation($input: ConnectionIdInput!) { removeIdentityConnection(input: $input) {
        removedConnectionId userErrors { code } } }`,
      { input: { id } },
    );
    expect(removed.data!.removeIdentityConnection.removedConnectionId).toBe(id);
    expect((await view()).connections.items.some((c) => c.id === id)).toBe(false);
  });

  it('adds a member, gives and takes a role, removes the member; the next read shows each', async () => {
    await view();
    const members = new Set(auth0().data.memberships[orgId()].map((m) => m.user_id));
    const user = auth0().data.users.find((u) => !members.has(u.user_id))!;
    const role = auth0().data.roles[0];
    const added = await stack.query<{
      addOrganizationMembers: {
        members: Array<{ id: string; nativeId: string }>;
        userErrors: unknown[];
      };
    }>(
      `mutation($input: OrganizationMembersInput!) { addOrganizationMembers(input: $input) {
        organization { nativeId } members { id nativeId } userErrors { code } } }`,
      { input: { organizationId: orgId(), userIds: [user.user_id] } },
    );
    expect(added.errors).toBeUndefined();
    const member = added.data!.addOrganizationMembers.members.find(
      (m) => m.nativeId === user.user_id,
    )!;
    expect(member).toBeDefined();
    expect((await view()).users.items.some((u) => u.id === member.id)).toBe(true);

    const given = await stack.query<{
      addMemberRoles: { member: { permissions: Array<{ nativeId: string }> } };
    }>(
      `mutation($input: MemberRolesInput!) { addMemberRoles(input: $input) {
        member { permissions { nativeId } } userErrors { code } } }`,
      { input: { memberId: member.id, roleIds: [role.id] } },
    );
    expect(given.data!.addMemberRoles.member.permissions.map((p) => p.nativeId)).toContain(role.id);
    const withRole = (await view()).users.items.find((u) => u.id === member.id)!;
    expect(withRole.permissions.map((p) => p.nativeId)).toContain(role.id);

    await stack.query(
      `mutation($input: MemberRolesInput!) { removeMemberRoles(input: $input) { userErrors { code } } }`,
      {
        input: {
          memberId: member.id,
          roleIds: [encodeGlobalId('Permission', Provider.AUTH0, role.id)],
        },
      },
    );
    const withoutRole = (await view()).users.items.find((u) => u.id === member.id)!;
    expect(withoutRole.permissions.map((p) => p.nativeId)).not.toContain(role.id);

    const removed = await stack.query<{ removeOrganizationMembers: { userErrors: unknown[] } }>(
      `mutation($input: OrganizationMembersInput!) { removeOrganizationMembers(input: $input) {
        userErrors { code } } }`,
      { input: { organizationId: orgGlobalId(), userIds: [user.user_id] } },
    );
    expect(removed.data!.removeOrganizationMembers.userErrors).toEqual([]);
    expect((await view()).users.items.some((u) => u.id === member.id)).toBe(false);
  });

  it('bad input: BAD_USER_INPUT before any upstream call', async () => {
    const attempts: Array<[string, Record<string, unknown>]> = [
      [
        'mutation($input: AddIdentityConnectionInput!) { addIdentityConnection(input: $input) { userErrors { code } } }',
        { input: { organizationId: orgId(), connectionId: 'not-a-connection' } },
      ],
      [
        'mutation($input: AddIdentityConnectionInput!) { addIdentityConnection(input: $input) { userErrors { code } } }',
        { input: { organizationId: 'acme', connectionId: 'con_abc' } },
      ],
      [
        'mutation($input: UpdateIdentityConnectionInput!) { updateIdentityConnection(input: $input) { userErrors { code } } }',
        { input: { id: encodeGlobalId('Connection', Provider.AUTH0, `${orgId()}/con_abc`) } },
      ],
      [
        'mutation($input: OrganizationMembersInput!) { addOrganizationMembers(input: $input) { userErrors { code } } }',
        { input: { organizationId: orgId(), userIds: [] } },
      ],
      [
        'mutation($input: MemberRolesInput!) { addMemberRoles(input: $input) { userErrors { code } } }',
        { input: { memberId: orgGlobalId(), roleIds: ['rol_abc'] } },
      ],
      [
        'mutation($input: MemberRolesInput!) { addMemberRoles(input: $input) { userErrors { code } } }',
        {
          input: {
            memberId: encodeGlobalId('User', Provider.AUTH0, `${orgId()}/auth0|x`),
            roleIds: ['admin'],
          },
        },
      ],
    ];
    for (const [mutation, variables] of attempts) {
      const result = await stack.query(mutation, variables);
      expect([JSON.stringify(variables), result.errors?.map((e) => e.extensions?.code)]).toEqual([
        JSON.stringify(variables),
        ['BAD_USER_INPUT'],
      ]);
    }
    expect(upstreamCalls(stack.emulators).total).toBe(0);
  });
});

describe('writes refused', () => {
  it('on a read-only server: FORBIDDEN, before any upstream call', async () => {
    const stack = await startTestStack({ configure: (config) => ({ ...config, writes: false }) });
    try {
      const result = await stack.query(DELETE, {
        input: { id: encodeGlobalId('Connection', Provider.DATADOG, 'x') },
      });
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(result.errors?.[0].message).toMatch(/read-only/);
      expect(upstreamCalls(stack.emulators).total).toBe(0);
    } finally {
      await stack.stop();
    }
  });
});
