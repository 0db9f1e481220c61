import { DatadogEmulator } from '../../src/emulators/datadog/datadog-emulator';
import type {
  DatadogData,
  DatadogOrgConnectionListResponse,
  DatadogOrgConnectionResponse,
} from '../../src/emulators/datadog/datadog-data';

const LIST = 'GET /api/v2/org_connections';

describe('Datadog emulator: two orgs', () => {
  let emulator: DatadogEmulator;
  const call = (
    keys: { apiKey: string; appKey: string },
    method = 'GET',
    path = '',
    body?: unknown,
  ) =>
    fetch(`${emulator.url}/api/v2/org_connections${path}`, {
      method,
      headers: {
        'DD-API-KEY': keys.apiKey,
        'DD-APPLICATION-KEY': keys.appKey,
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const list = async (keys: { apiKey: string; appKey: string }) =>
    (await (await call(keys)).json()) as DatadogOrgConnectionListResponse;
  /** An org the current org has no connection to yet. */
  const freeSink = (data: DatadogData) => {
    const taken = new Set(
      data.connections
        .filter((c) => c.relationships.source_org?.data.id === data.currentOrgId)
        .map((c) => c.relationships.sink_org?.data.id),
    );
    return data.orgs.find((o) => o.id !== data.currentOrgId && !taken.has(o.id))!;
  };
  const createBody = (sink: string) => ({
    data: {
      attributes: { connection_types: ['logs'] },
      relationships: { sink_org: { data: { id: sink, type: 'orgs' } } },
      type: 'org_connection',
    },
  });

  // A fresh emulator per test: the writes change its data.
  beforeEach(async () => {
    emulator = new DatadogEmulator();
    await emulator.start();
  });
  afterEach(() => emulator.stop());

  it('keeps the first org as it was; the second differs in ids and names, not in size', () => {
    const { firstTenant: first, secondTenant: second } = emulator;
    expect(emulator.data).toBe(first.data);
    expect(emulator.credentials).toBe(first.credentials);
    expect(second.credentials).toEqual({
      apiKey: 'dd-second-api-key',
      appKey: 'dd-second-app-key',
      readOnly: { apiKey: 'dd-second-api-key', appKey: 'dd-second-readonly-app-key' },
    });
    expect(second.data.orgs).toHaveLength(first.data.orgs.length);
    expect(second.data.connections).toHaveLength(first.data.connections.length);
    const firstNames = new Set(first.data.orgs.map((o) => o.name));
    const firstIds = new Set(first.data.orgs.map((o) => o.id));
    for (const org of second.data.orgs) {
      expect(firstNames.has(org.name)).toBe(false);
      expect(firstIds.has(org.id)).toBe(false);
    }
  });

  it("lists each key pair its own org's connections, and refuses a mixed pair", async () => {
    const { firstTenant: first, secondTenant: second } = emulator;
    expect((await list(first.credentials)).data).toEqual(first.data.connections);
    expect((await list(second.credentials)).data).toEqual(second.data.connections);
    const mixed = await call({
      apiKey: second.credentials.apiKey,
      appKey: first.credentials.appKey,
    });
    expect(mixed.status).toBe(403);
    expect(await mixed.json()).toEqual({ errors: ['Forbidden'] });
  });

  it('writes to the org whose keys the request carries, and never reaches the other', async () => {
    const { firstTenant: first, secondTenant: second } = emulator;
    const firstBefore = structuredClone(first.data.connections);
    const sink = freeSink(second.data);

    // The other org's sink is unknown here, as is the other org's connection.
    expect((await call(first.credentials, 'POST', '', createBody(sink.id))).status).toBe(404);
    const created = await call(second.credentials, 'POST', '', createBody(sink.id));
    expect(created.status).toBe(200);
    const { data: connection } = (await created.json()) as DatadogOrgConnectionResponse;
    expect(connection.relationships.source_org?.data.id).toBe(second.data.currentOrgId);
    expect(second.data.connections.map((c) => c.id)).toContain(connection.id);

    const theirs = first.data.connections[0].id;
    const update = {
      data: { attributes: { connection_types: ['audit'] }, id: theirs, type: 'org_connection' },
    };
    expect((await call(second.credentials, 'PATCH', `/${theirs}`, update)).status).toBe(404);
    expect((await call(second.credentials, 'DELETE', `/${theirs}`)).status).toBe(404);
    expect((await call(first.credentials, 'DELETE', `/${connection.id}`)).status).toBe(404);
    expect(first.data.connections).toEqual(firstBefore);

    expect((await call(second.credentials, 'DELETE', `/${connection.id}`)).status).toBe(200);
    expect(second.data.connections.map((c) => c.id)).not.toContain(connection.id);
  });

  it('counts requests per org: none for the one nobody called', async () => {
    await list(emulator.secondTenant.credentials);
    await call({ apiKey: 'nope', appKey: 'nope' });
    expect(emulator.counter.countForTenant('second', LIST)).toBe(1);
    expect(emulator.counter.countForTenant('first')).toBe(0);
    expect(emulator.counter.byTenant()).toEqual({ second: 1 });
    const counters: unknown = await (await fetch(`${emulator.url}/__emulator/counters`)).json();
    expect(counters).toEqual({ total: 2, byRoute: { [LIST]: 2 }, byTenant: { second: 1 } });
  });

  it("keeps a rate-limit window per org, with Datadog's five headers", async () => {
    const { firstTenant: first, secondTenant: second } = emulator;
    emulator.setKnobs({ rateLimit: { limit: 1, periodSeconds: 60 } });
    const firstOk = await call(first.credentials);
    const firstLimited = await call(first.credentials);
    const secondOk = await call(second.credentials);
    expect([firstOk.status, firstLimited.status, secondOk.status]).toEqual([200, 429, 200]);
    for (const response of [firstOk, firstLimited, secondOk]) {
      expect(response.headers.get('x-ratelimit-limit')).toBe('1');
      expect(response.headers.get('x-ratelimit-period')).toBe('60');
      expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(response.headers.get('x-ratelimit-name')).toBe('org_connections_read');
      // Seconds until the reset, not an epoch timestamp.
      const reset = Number(response.headers.get('x-ratelimit-reset'));
      expect(reset).toBeGreaterThan(0);
      expect(reset).toBeLessThanOrEqual(60);
    }
    expect(await firstLimited.json()).toEqual({ errors: ['Too many requests'] });
  });
});
