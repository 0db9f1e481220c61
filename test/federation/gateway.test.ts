import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@jest/globals';
import { SCHEMA_FILES } from '../../src/schema/print-schemas';
import { postGraphQL } from '../support/federation-gateway';
import { startFederationStack, type FederationStack } from '../support/federation-stack';
import type { TestStack } from '../support/test-stack';
import type { VendorRiskData } from './vendor-risk-subgraph/vendor-risk-subgraph';

/** orgraph objects vendor-risk refers to, picked from the seeded emulators at start. */
interface Picked {
  crux: [string, string];
  auth0: string;
  datadog: string;
  cruxUser: string;
  cruxPermission: { provider: 'CRUX'; nativeId: string };
}
let picked: Picked;

interface Ids {
  items: Array<{ id: string }>;
}

interface OrganizationNode {
  id: string;
  provider: string;
  name: string;
}

interface PermissionRow {
  provider: string;
  nativeId: string;
  name: string;
}

async function vendorRiskData(orgraph: TestStack): Promise<VendorRiskData> {
  const { data } = await orgraph.query<{
    crux: Ids;
    auth0: Ids;
    datadog: Ids;
    users: Ids;
    permissions: { items: Array<{ nativeId: string }> };
  }>(`{
    crux: organizations(filter: { providers: [CRUX] }, limit: 2) { items { id } }
    auth0: organizations(filter: { providers: [AUTH0] }, limit: 1) { items { id } }
    datadog: organizations(filter: { providers: [DATADOG] }, limit: 1) { items { id } }
    users(filter: { providers: [CRUX] }, limit: 1) { items { id } }
    permissions(filter: { providers: [CRUX] }, limit: 1) { items { nativeId } } }`);
  if (!data) throw new Error('orgraph answered no objects to pick');
  picked = {
    crux: [data.crux.items[0].id, data.crux.items[1].id],
    auth0: data.auth0.items[0].id,
    datadog: data.datadog.items[0].id,
    cruxUser: data.users.items[0].id,
    cruxPermission: { provider: 'CRUX', nativeId: data.permissions.items[0].nativeId },
  };
  return {
    assessments: [
      { organizationId: picked.crux[0], riskScore: 20, riskNotes: ['Annual review passed'] },
      { organizationId: picked.crux[1], riskScore: 80, riskNotes: ['Late filings', 'New owner'] },
      { organizationId: picked.auth0, riskScore: 55, riskNotes: [] },
    ],
    watchlist: [
      {
        organizationId: picked.crux[1],
        reason: 'Score above 75',
        ownerId: picked.cruxUser,
        restrictedPermission: picked.cruxPermission,
      },
      { organizationId: picked.auth0, reason: 'SSO without MFA' },
      { organizationId: picked.datadog, reason: 'Not assessed yet' },
    ],
  };
}

/** Both ways: vendor-risk fields on orgraph's organizations, orgraph's on vendor-risk's refs. */
const CROSSING_QUERY = `{
  organizations(filter: { providers: [CRUX] }, limit: 2) { items { id name riskScore riskNotes } }
  watchlist {
    reason
    organization { id provider name riskScore }
    owner { id name email }
    restrictedPermission { provider nativeId name }
  } }`;

describe('orgraph behind @apollo/gateway, with the vendor-risk subgraph', () => {
  let stack: FederationStack;

  beforeAll(async () => {
    stack = await startFederationStack({ vendorRisk: vendorRiskData });
  });
  afterAll(() => stack?.stop());
  beforeEach(() => stack.reset());

  /** The expected orgraph values, from orgraph itself in one ordinary query (not counted). */
  async function fromOrgraph() {
    const { data } = await stack.orgraph.query<{
      nodes: Array<OrganizationNode | null>;
      user: { id: string; name: string; email: string } | null;
      permissions: { items: PermissionRow[] };
    }>(
      `query($orgs: [ID!]!, $user: ID!) {
        nodes(ids: $orgs) { ... on Organization { id provider name } }
        user(id: $user) { id name email }
        permissions(filter: { providers: [CRUX] }, limit: 500) {
          items { provider nativeId name } } }`,
      { orgs: [...picked.crux, picked.auth0, picked.datadog], user: picked.cruxUser },
    );
    if (!data) throw new Error('orgraph answered no data');
    const [crux0, crux1, auth0, datadog] = data.nodes;
    const permission = data.permissions.items.find(
      (p) => p.nativeId === picked.cruxPermission.nativeId,
    );
    if (!crux0 || !crux1 || !auth0 || !datadog || !data.user || !permission) {
      throw new Error('orgraph did not answer every picked object');
    }
    await stack.reset();
    return { crux0, crux1, auth0, datadog, user: data.user, permission };
  }

  it('answers a query across both subgraphs, with the fewest subgraph fetches and upstream calls', async () => {
    const orgraph = await fromOrgraph();
    const result = await stack.gateway.query(CROSSING_QUERY);

    expect(result).toEqual({
      status: 200,
      data: {
        organizations: {
          items: [
            {
              id: orgraph.crux0.id,
              name: orgraph.crux0.name,
              riskScore: 20,
              riskNotes: ['Annual review passed'],
            },
            {
              id: orgraph.crux1.id,
              name: orgraph.crux1.name,
              riskScore: 80,
              riskNotes: ['Late filings', 'New owner'],
            },
          ],
        },
        watchlist: [
          {
            reason: 'Score above 75',
            organization: { ...orgraph.crux1, riskScore: 80 },
            owner: orgraph.user,
            restrictedPermission: orgraph.permission,
          },
          {
            reason: 'SSO without MFA',
            organization: { ...orgraph.auth0, riskScore: 55 },
            owner: null,
            restrictedPermission: null,
          },
          {
            reason: 'Not assessed yet',
            organization: { ...orgraph.datadog, riskScore: null },
            owner: null,
            restrictedPermission: null,
          },
        ],
      },
    });
    expect(orgraph.user.name).toEqual(expect.any(String));
    expect(orgraph.permission.name).toEqual(expect.any(String));

    // Two root fetches, then one _entities fetch per entity path: orgraph's three carry the
    // watchlist's organizations (3, one fetch whatever their providers), its owner and its
    // permission. The two branches run in parallel, so their order varies: compare sorted.
    expect(
      stack.gateway
        .fetches()
        .map((f) => `${f.subgraph} ${f.representations}`)
        .sort(),
    ).toEqual([
      'orgraph 0',
      'orgraph 1',
      'orgraph 1',
      'orgraph 3',
      'vendor-risk 0',
      'vendor-risk 2',
    ]);
    // Each subgraph fetch is its own request, with its own loaders, but provider reads are shared
    // across requests: the Crux connection listing that answered the organizations root field also
    // answers the watchlist's Crux organization in the next fetch, from the cache.
    expect(stack.calls()).toEqual({
      crux: {
        'GET /organizations/connections/': 1,
        'GET /organizations/users/all/': 1,
        'GET /organizations/all_permissions/': 1,
      },
      auth0: { 'GET /api/v2/organizations/:id': 1 },
      datadog: { 'GET /api/v2/org_connections': 1 },
      total: 5,
      fetches: { orgraph: 4, 'vendor-risk': 2 },
    });
  });

  it("forwards the caller's provider credentials to orgraph: a wrong Crux token fails Crux fields only", async () => {
    const result = await stack.gateway.query<{
      organizations: { items: Array<{ name: string }> };
      watchlist: Array<{ reason: string; organization: { provider: string; name: string } | null }>;
    }>(
      `{ organizations(filter: { providers: [CRUX] }, limit: 2) { items { name } }
         watchlist { reason organization { provider name } } }`,
      undefined,
      { 'x-crux-token': 'wrong-crux-token' },
    );
    const errors = (result.errors ?? []).map(
      (e) => `${e.path?.join('.')} ${String(e.extensions?.code)} ${String(e.extensions?.provider)}`,
    );
    // Sorted: the two fetches that fail run in parallel branches of the plan.
    expect(errors.sort()).toEqual([
      'organizations UPSTREAM_UNAUTHORIZED CRUX',
      'watchlist.0.organization UPSTREAM_UNAUTHORIZED CRUX',
    ]);
    // orgraph keeps what the other providers answer; only the Crux organization is missing.
    expect(result.data).toEqual({
      organizations: { items: [] },
      watchlist: [
        { reason: 'Score above 75', organization: null },
        {
          reason: 'SSO without MFA',
          organization: { provider: 'AUTH0', name: expect.any(String) },
        },
        {
          reason: 'Not assessed yet',
          organization: { provider: 'DATADOG', name: expect.any(String) },
        },
      ],
    });
    // Crux saw the caller's token (and refused it), not the server's; nothing echoes it back.
    expect(stack.orgraph.emulators.crux.counter.requests().map((r) => r.status)).toEqual([
      401, 401,
    ]);
    expect(JSON.stringify(result)).not.toContain('wrong-crux-token');

    await stack.reset();
    const good = await stack.gateway.query('{ watchlist { organization { name } } }', undefined, {
      'x-crux-token': stack.orgraph.emulators.crux.credentials.token,
    });
    expect(good.errors).toBeUndefined();
    expect(stack.orgraph.emulators.crux.counter.requests().map((r) => r.status)).toEqual([200]);
  });

  it('orgraph serves the committed schema/subgraph.graphql at _service, and still answers ordinary queries', async () => {
    const committed = readFileSync(
      path.resolve(__dirname, '..', '..', SCHEMA_FILES.subgraph),
      'utf8',
    );
    const service = await postGraphQL<{ _service: { sdl: string } }>(
      stack.orgraph.server.url,
      '{ _service { sdl } }',
    );
    // Byte for byte: the file the README's supergraph.yaml composes is what a router introspects.
    expect(`${service.data!._service.sdl}\n`).toBe(committed);
    const ordinary = await stack.orgraph.query<{ organization: { id: string } | null }>(
      'query($id: ID!) { organization(id: $id) { id } }',
      {
        id: picked.auth0,
      },
    );
    expect(ordinary.data?.organization?.id).toBe(picked.auth0);
  });
});
