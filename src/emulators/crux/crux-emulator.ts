import { EmulatorServer, type EmulatorResponse, type Route } from '../emulator-server';
import type { CruxData, CruxPermissionListJson, CruxUserJson } from './crux-data';
import { CruxDialect } from './crux-dialect';
import { cruxLogin, type CruxCredentials } from './crux-login';
import { seedCrux } from './crux-seed';

export interface CruxEmulatorOptions {
  seed?: number;
  /** Number of partner organizations, and so of connections. */
  size?: number;
  token?: string;
}

/** Crux's docs use this password in their login example. */
const DEMO_PASSWORD = 'crux_is_awesome';

/**
 * Crux Connect API v1 on loopback: a retailer account with `size` supplier connections and its users,
 * served from deterministic seeded data. Connections and users come as bare arrays, as Crux sends them.
 */
export class CruxEmulator extends EmulatorServer {
  readonly data: CruxData;
  readonly credentials: CruxCredentials;

  constructor(options: CruxEmulatorOptions = {}) {
    const data = seedCrux({ seed: options.seed ?? 42, size: options.size ?? 12 });
    const credentials: CruxCredentials = {
      token: options.token ?? 'crux-demo-token',
      username: data.users[0]!.person.email,
      password: DEMO_PASSWORD,
    };
    const dialect = new CruxDialect(credentials.token);
    super(dialect, cruxRoutes(data, credentials, dialect));
    this.data = data;
    this.credentials = credentials;
  }
}

function cruxRoutes(data: CruxData, credentials: CruxCredentials, dialect: CruxDialect): Route[] {
  const usersByUuid = new Map(data.users.map((user) => [user.uuid, user]));
  const withUser = (uuid: string | undefined, answer: (user: CruxUserJson) => unknown) => {
    const user = usersByUuid.get(uuid ?? '');
    return user ? ok(answer(user)) : dialect.errorResponse(404);
  };
  return [
    {
      method: 'POST',
      pattern: '/organizations/user-login/',
      authenticated: false,
      handler: (request) => cruxLogin(request, data, credentials, dialect),
    },
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
