import { EmulatorServer, type Route } from '../emulator-server';
import { SeededRandom } from '../random';
import {
  FIRST_TENANT,
  SECOND_TENANT,
  secondTenantSeed,
  type EmulatorTenant,
  type TenantName,
  type TenantSeed,
} from '../tenant';
import { tenantRoutes } from '../tenant-routes';
import type { DatadogData } from './datadog-data';
import { datadogDialect, type DatadogCredentials, type DatadogKeys } from './datadog-dialect';
import { listOrgConnections } from './datadog-list';
import { seedDatadog } from './datadog-seed';
import {
  createOrgConnection,
  deleteOrgConnection,
  updateOrgConnection,
  type WriteContext,
} from './datadog-writes';

export interface DatadogEmulatorOptions {
  seed?: number;
  size?: number;
  /** The first org's key pair. */
  apiKey?: string;
  appKey?: string;
}

export type DatadogTenant = EmulatorTenant<DatadogCredentials, DatadogData>;

const COLLECTION = '/api/v2/org_connections';
const ITEM = `${COLLECTION}/:connection_id`;
const SECOND_TENANT_KEYS: DatadogKeys = {
  apiKey: 'dd-second-api-key',
  appKey: 'dd-second-app-key',
};
/** The spec's `x-permission` for POST, PATCH and DELETE. */
const WRITE_PERMISSION = 'org_connections_write';

/**
 * Datadog API v2 org connections on loopback, for two orgs: the key pair picks the org. `data` is live:
 * POST, PATCH and DELETE change the `data.connections` of the org whose keys they carry, and the list
 * serves it as it is. Each org also has a read-only application key (`credentials.readOnly`), whose
 * writes answer 403.
 */
export class DatadogEmulator extends EmulatorServer {
  /** The first org's data and keys, as before there were two. */
  readonly data: DatadogData;
  readonly credentials: DatadogCredentials;
  readonly firstTenant: DatadogTenant;
  readonly secondTenant: DatadogTenant;

  constructor(options: DatadogEmulatorOptions = {}) {
    const seeded = { seed: options.seed ?? 42, size: options.size ?? 12 };
    const [first, second] = [
      datadogTenant(FIRST_TENANT, seeded, {
        apiKey: options.apiKey ?? 'dd-demo-api-key',
        appKey: options.appKey ?? 'dd-demo-app-key',
      }),
      datadogTenant(SECOND_TENANT, secondTenantSeed(seeded), SECOND_TENANT_KEYS),
    ];
    super(
      datadogDialect([first.tenant, second.tenant]),
      tenantRoutes(new Map([first, second].map((t) => [t.tenant.name, t.routes]))),
    );
    this.firstTenant = first.tenant;
    this.secondTenant = second.tenant;
    this.data = first.tenant.data;
    this.credentials = first.tenant.credentials;
  }
}

/** One org: its seeded data, and the org connection routes over it, whose writes change it alone. */
function datadogTenant(
  name: TenantName,
  seeded: TenantSeed,
  keys: DatadogKeys,
): { tenant: DatadogTenant; routes: Route[] } {
  const data = seedDatadog(seeded);
  const credentials: DatadogCredentials = {
    ...keys,
    readOnly: {
      apiKey: keys.apiKey,
      appKey: `dd-${name === FIRST_TENANT ? 'demo' : 'second'}-readonly-app-key`,
    },
  };
  // Ids of created connections are seeded too, so a replayed test sees the same ones.
  const writes: WriteContext = {
    data,
    rng: new SeededRandom(seeded.seed ^ 0x5eed),
    now: () => new Date(),
  };
  return {
    tenant: { name, credentials, data },
    routes: [
      {
        method: 'GET',
        pattern: COLLECTION,
        scope: 'org_connections_read',
        handler: (r) => listOrgConnections(data.connections, r),
      },
      {
        method: 'POST',
        pattern: COLLECTION,
        scope: WRITE_PERMISSION,
        handler: (r) => createOrgConnection(writes, r),
      },
      {
        method: 'PATCH',
        pattern: ITEM,
        scope: WRITE_PERMISSION,
        handler: (r) => updateOrgConnection(writes, r),
      },
      {
        method: 'DELETE',
        pattern: ITEM,
        scope: WRITE_PERMISSION,
        handler: (r) => deleteOrgConnection(writes, r),
      },
    ],
  };
}
