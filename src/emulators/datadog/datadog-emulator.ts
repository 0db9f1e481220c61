import { EmulatorServer } from '../emulator-server';
import { SeededRandom } from '../random';
import type { DatadogData } from './datadog-data';
import { datadogDialect } from './datadog-dialect';
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
  apiKey?: string;
  appKey?: string;
}

const COLLECTION = '/api/v2/org_connections';
const ITEM = `${COLLECTION}/:connection_id`;

/**
 * Datadog API v2 org connections on loopback. `data` is live: POST, PATCH and DELETE change
 * `data.connections`, and the list serves it as it is.
 */
export class DatadogEmulator extends EmulatorServer {
  readonly data: DatadogData;
  readonly credentials: { apiKey: string; appKey: string };

  constructor(options: DatadogEmulatorOptions = {}) {
    const seed = options.seed ?? 42;
    const credentials = {
      apiKey: options.apiKey ?? 'dd-demo-api-key',
      appKey: options.appKey ?? 'dd-demo-app-key',
    };
    const data = seedDatadog({ seed, size: options.size ?? 12 });
    // Ids of created connections are seeded too, so a replayed test sees the same ones.
    const writes: WriteContext = {
      data,
      rng: new SeededRandom(seed ^ 0x5eed),
      now: () => new Date(),
    };
    super(datadogDialect(credentials), [
      {
        method: 'GET',
        pattern: COLLECTION,
        handler: (r) => listOrgConnections(data.connections, r),
      },
      { method: 'POST', pattern: COLLECTION, handler: (r) => createOrgConnection(writes, r) },
      { method: 'PATCH', pattern: ITEM, handler: (r) => updateOrgConnection(writes, r) },
      { method: 'DELETE', pattern: ITEM, handler: (r) => deleteOrgConnection(writes, r) },
    ]);
    this.data = data;
    this.credentials = credentials;
  }
}
