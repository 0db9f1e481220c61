import { EmulatorServer, type EmulatorResponse, type Route } from '../emulator-server';
import { FIRST_TENANT, SECOND_TENANT, secondTenantSeed, type TenantName } from '../tenant';
import { tenantRoutes } from '../tenant-routes';
import type { CruxData, CruxPermissionListJson, CruxUserJson } from './crux-data';
import { CruxDialect } from './crux-dialect';
import { cruxLogin, type CruxCredentials, type CruxTenant } from './crux-login';
import { seedCrux } from './crux-seed';

export type { CruxTenant } from './crux-login';

export interface CruxEmulatorOptions {
  seed?: number;
  /** Number of partner organizations, and so of connections. */
  size?: number;
  /** The first account's token. */
  token?: string;
}

/** Crux's docs use this password in their login example; both accounts' first users have it. */
const DEMO_PASSWORD = 'crux_is_awesome';
const SECOND_TENANT_TOKEN = 'crux-second-token';

/**
 * Crux Connect API v1 on loopback: two retailer accounts, each with `size` supplier connections and its
 * users, served from deterministic seeded data; the token picks the account. Connections and users come
 * as bare arrays, as Crux sends them.
 */
export class CruxEmulator extends EmulatorServer {
  /** The first account's data and credentials, as before there were two. */
  readonly data: CruxData;
  readonly credentials: CruxCredentials;
  readonly firstTenant: CruxTenant;
  readonly secondTenant: CruxTenant;

  constructor(options: CruxEmulatorOptions = {}) {
    const seeded = { seed: options.seed ?? 42, size: options.size ?? 12 };
    const tenants = [
      cruxTenant(FIRST_TENANT, seedCrux(seeded), options.token ?? 'crux-demo-token'),
      cruxTenant(SECOND_TENANT, seedCrux(secondTenantSeed(seeded)), SECOND_TENANT_TOKEN),
    ] as const;
    const dialect = new CruxDialect(new Map(tenants.map((t) => [t.credentials.token, t.name])));
    super(dialect, [
      {
        method: 'POST',
        pattern: '/organizations/user-login/',
        authenticated: false,
        handler: (request) => cruxLogin(request, tenants, dialect),
      },
      ...tenantRoutes(new Map(tenants.map((t) => [t.name, cruxRoutes(t.data, dialect)]))),
    ]);
    [this.firstTenant, this.secondTenant] = tenants;
    this.data = this.firstTenant.data;
    this.credentials = this.firstTenant.credentials;
  }
}

/** An account logs in as its first user. */
function cruxTenant(name: TenantName, data: CruxData, token: string): CruxTenant {
  return {
    name,
    data,
    credentials: { token, username: data.users[0].person.email, password: DEMO_PASSWORD },
  };
}

/** The token-authenticated routes over one account's data. */
function cruxRoutes(data: CruxData, dialect: CruxDialect): Route[] {
  const usersByUuid = new Map(data.users.map((user) => [user.uuid, user]));
  const withUser = (uuid: string | undefined, answer: (user: CruxUserJson) => unknown) => {
    const user = usersByUuid.get(uuid ?? '');
    return user ? ok(answer(user)) : dialect.errorResponse(404);
  };
  return [
    { method: 'GET', pattern: '/organizations/', handler: () => ok(data.organization) },
    { method: 'GET', pattern: '/organizations/connections/', handler: () => ok(data.connections) },
    { method: 'GET', pattern: '/organizations/users/all/', handler: () => ok(data.users) },
    {
      method: 'GET',
      pattern: '/organizations/all_permissions/',
      handler: () => ok(data.permissions),
    },
    {
      method: 'GET',
      pattern: '/organizations/users/detail/:uuid/',
      handler: ({ params }) => withUser(params['uuid'], (user) => user),
    },
    {
      method: 'GET',
      pattern: '/organizations/users/permissions/:uuid/',
      handler: ({ params }) =>
        withUser(params['uuid'], (user): CruxPermissionListJson => ({
          permissions: user.permission_assignments.permissions,
        })),
    },
  ];
}

function ok(body: unknown): EmulatorResponse {
  return { status: 200, body };
}
