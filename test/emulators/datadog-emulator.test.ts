import { DatadogEmulator } from '../../src/emulators/datadog/datadog-emulator';
import type {
  DatadogOrgConnection,
  DatadogOrgConnectionListResponse,
} from '../../src/emulators/datadog/datadog-data';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/;
const TYPES = ['logs', 'metrics', 'audit'];

describe('Datadog emulator: GET /api/v2/org_connections', () => {
  const emulator = new DatadogEmulator();
  const keys = {
    'DD-API-KEY': emulator.credentials.apiKey,
    'DD-APPLICATION-KEY': emulator.credentials.appKey,
  };
  const list = (query = '', headers: Record<string, string> = keys) =>
    fetch(`${emulator.url}/api/v2/org_connections${query}`, { headers });
  const listJson = async (query = '') => {
    const response = await list(query);
    expect(response.status).toBe(200);
    return (await response.json()) as DatadogOrgConnectionListResponse;
  };

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('serves the recorded envelope and every connection in the recorded key order', async () => {
    const response = await list();
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = (await response.json()) as DatadogOrgConnectionListResponse;
    expect(Object.keys(body)).toEqual(['data', 'meta']);
    expect(body.meta).toEqual({ page: { total_count: 18, total_filtered_count: 18 } });
    expect(body.data).toHaveLength(18);
    expect(body.data).toEqual(emulator.data.connections);
    for (const connection of body.data) expectConnectionShape(connection);
  });

  it('walks every connection exactly once with limit and offset', async () => {
    const seen: string[] = [];
    for (let offset = 0; ; offset += 5) {
      const page = await listJson(`?limit=5&offset=${offset}`);
      expect(page.meta?.page).toEqual({ total_count: 18, total_filtered_count: 18 });
      if (page.data.length === 0) break;
      expect(page.data.length).toBeLessThanOrEqual(5);
      seen.push(...page.data.map((c) => c.id));
    }
    expect(seen).toEqual(emulator.data.connections.map((c) => c.id));
    expect(new Set(seen).size).toBe(18);
    expect((await listJson('?offset=1000')).data).toEqual([]);
  });

  it('filters by source, by sink, and by both (AND)', async () => {
    const sample = emulator.data.connections[0].relationships;
    const source = sample.source_org!.data.id;
    const sink = sample.sink_org!.data.id;
    const expected = (s?: string, t?: string) =>
      emulator.data.connections
        .filter((c) => s === undefined || c.relationships.source_org?.data.id === s)
        .filter((c) => t === undefined || c.relationships.sink_org?.data.id === t)
        .map((c) => c.id);

    const bySource = await listJson(`?source_org_id=${source}`);
    expect(bySource.data.map((c) => c.id)).toEqual(expected(source));
    expect(bySource.meta?.page).toEqual({
      total_count: 18,
      total_filtered_count: expected(source).length,
    });
    const bySink = await listJson(`?sink_org_id=${sink}`);
    expect(bySink.data.map((c) => c.id)).toEqual(expected(undefined, sink));
    const both = await listJson(`?source_org_id=${source}&sink_org_id=${sink}`);
    expect(both.data.map((c) => c.id)).toEqual([emulator.data.connections[0].id]);
    const none = await listJson(`?source_org_id=${sink}&sink_org_id=${sink}`);
    expect(none).toEqual({
      data: [],
      meta: { page: { total_count: 18, total_filtered_count: 0 } },
    });
    const paged = await listJson(`?source_org_id=${source}&limit=1&offset=1`);
    expect(paged.data.map((c) => c.id)).toEqual(expected(source).slice(1, 2));
  });

  it.each([
    'limit=0',
    'limit=-1',
    'limit=1001',
    'limit=abc',
    'limit=1.5',
    'limit=',
    'offset=-1',
    'offset=x',
    'offset=2.5',
  ])('answers 400 with Datadog errors for %s', async (query) => {
    const response = await list(`?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: unknown[] };
    expect(Object.keys(body)).toEqual(['errors']);
    expect(body.errors).toHaveLength(1);
    expect(typeof body.errors[0]).toBe('string');
  });

  it('accepts the bounds limit=1 and limit=1000', async () => {
    expect((await listJson('?limit=1')).data).toHaveLength(1);
    expect((await listJson('?limit=1000&offset=0')).data).toHaveLength(18);
  });

  it.each([
    ['no keys', {}],
    ['only the API key', { 'DD-API-KEY': 'dd-demo-api-key' }],
    ['only the application key', { 'DD-APPLICATION-KEY': 'dd-demo-app-key' }],
    ['a wrong API key', { 'DD-API-KEY': 'nope', 'DD-APPLICATION-KEY': 'dd-demo-app-key' }],
    ['a wrong application key', { 'DD-API-KEY': 'dd-demo-api-key', 'DD-APPLICATION-KEY': 'nope' }],
  ])('answers 403 Forbidden with %s', async (_, headers: Record<string, string>) => {
    const response = await list('', headers);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ errors: ['Forbidden'] });
  });

  it('answers unknown paths with a Datadog 404', async () => {
    const response = await fetch(`${emulator.url}/api/v2/org_connection`, { headers: keys });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: ['Not found'] });
  });

  it('honours custom credentials', async () => {
    const custom = new DatadogEmulator({ apiKey: 'a', appKey: 'b' });
    await custom.start();
    try {
      const url = `${custom.url}/api/v2/org_connections`;
      expect((await fetch(url, { headers: keys })).status).toBe(403);
      const ok = await fetch(url, { headers: { 'DD-API-KEY': 'a', 'DD-APPLICATION-KEY': 'b' } });
      expect(ok.status).toBe(200);
    } finally {
      await custom.stop();
    }
  });
});

function expectConnectionShape(connection: DatadogOrgConnection): void {
  expect(Object.keys(connection)).toEqual(['type', 'id', 'attributes', 'relationships']);
  expect(connection.type).toBe('org_connection');
  expect(connection.id).toMatch(UUID);
  expect(Object.keys(connection.attributes)).toEqual(['created_at', 'connection_types']);
  expect(connection.attributes.created_at).toMatch(TIMESTAMP);
  const types = connection.attributes.connection_types;
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types).size).toBe(types.length);
  for (const t of types) expect(TYPES).toContain(t);
  const { relationships } = connection;
  expect(Object.keys(relationships)).toEqual(['source_org', 'sink_org', 'created_by']);
  for (const org of [relationships.source_org!.data, relationships.sink_org!.data]) {
    expect(Object.keys(org)).toEqual(['type', 'id', 'name']);
    expect(org.type).toBe('orgs');
    expect(org.id).toMatch(UUID);
    expect(typeof org.name).toBe('string');
  }
  expect(relationships.source_org!.data.id).not.toBe(relationships.sink_org!.data.id);
  const creator = relationships.created_by!.data;
  expect(creator.type).toBe('users');
  expect(creator.id).toMatch(UUID);
  if ('name' in creator) {
    expect(Object.keys(creator)).toEqual(['type', 'id', 'name']);
    expect(typeof creator.name).toBe('string');
  } else {
    expect(Object.keys(creator)).toEqual(['type', 'id']);
  }
}
