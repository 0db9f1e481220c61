import net, { type AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config/load-config';
import { configErrorOf } from '../support/config-error-of';
import { MetricsScrape, scrapeMetrics } from '../support/prometheus-text';
import { startTestStack, type TestStack } from '../support/test-stack';
import { emulatorSecrets } from '../support/emulator-secrets';

/**
 * GET /metrics itself: Node's default metrics and orgraph's in Prometheus' text format; every provider
 * call named by the route the provider saw, never by its URL; no id or credential anywhere in it; off
 * with ORGRAPH_METRICS=false; Redis failures counted.
 */

const ORGRAPH_METRICS = [
  'orgraph_breaker_opens_total',
  'orgraph_breaker_state',
  'orgraph_cache_reads_total',
  'orgraph_graphql_errors_total',
  'orgraph_graphql_request_duration_seconds',
  'orgraph_graphql_requests_total',
  'orgraph_rate_budget_wait_seconds_total',
  'orgraph_rate_budget_waits_total',
  'orgraph_redis_errors_total',
  'orgraph_shared_store_failures_total',
  'orgraph_upstream_call_duration_seconds',
  'orgraph_upstream_calls_total',
  'orgraph_upstream_rate_limited_total',
  'orgraph_upstream_refusals_total',
  'orgraph_upstream_retries_total',
];
const AUTH0_TOKEN = 'POST /oauth/token';
const LISTINGS = `{
  organizations(limit: 500) { items { id nativeId provider } }
  users(limit: 500) { items { id nativeId provider } }
  permissions(limit: 500) { items { id provider } }
  connections(limit: 500) { items { id provider } } }`;

interface Item {
  id: string;
  nativeId?: string;
  provider: string;
}

describe('GET /metrics', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  it("serves Node's default metrics and orgraph's, in Prometheus' text format", async () => {
    const response = await fetch(new URL('/metrics', stack.server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const scrape = new MetricsScrape(text);
    const types = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name]) => name);
    expect(types.filter((name) => name.startsWith('orgraph_')).sort()).toEqual(ORGRAPH_METRICS);
    for (const defaults of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(types).toContain(defaults);
    }
    expect(scrape.value('process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(scrape.labelValues('orgraph_breaker_state', 'provider')).toEqual([
      'AUTH0',
      'CRUX',
      'DATADOG',
    ]);
  });

  it('names each call by its route template, as the provider saw it, and holds no id, URL or credential', async () => {
    await stack.reset();
    const before = await scrapeMetrics(stack.server.url);
    const listings = await stack.query<Record<string, { items: Item[] }>>(LISTINGS);
    expect(listings.errors).toBeUndefined();
    const items = Object.values(listings.data!).flatMap((page) => page.items);
    // One object of each kind and provider by id, which some providers answer from a route by id.
    const sample = [
      ...new Map(items.map((i) => [`${i.provider} ${i.id.slice(0, 4)}`, i])).values(),
    ];
    const byId = await stack.query(`query ById($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: sample.map((i) => i.id),
    });
    expect(byId.errors).toBeUndefined();
    await stack.sdk.UsersWithPermissions({ limit: 20 }, { 'cache-control': 'no-cache' });
    // A caller's own credentials: their values never reach a label either.
    const own = await stack.query('{ organizations(limit: 500) { totalCount } }', undefined, {
      ...stack.emulators.secondTenantHeaders,
    });
    expect(own.errors).toBeUndefined();
    const after = await scrapeMetrics(stack.server.url);

    const { crux, auth0, datadog } = stack.emulators;
    const emulated = {
      CRUX: crux.counter.byRoute(),
      AUTH0: withoutRoute(auth0.counter.byRoute(), AUTH0_TOKEN),
      DATADOG: datadog.counter.byRoute(),
    };
    const measured: Record<string, Record<string, number>> = { CRUX: {}, AUTH0: {}, DATADOG: {} };
    for (const sampleLine of after.matching('orgraph_upstream_calls_total')) {
      const moved = sampleLine.value - before.value(sampleLine.name, sampleLine.labels);
      if (moved === 0) continue;
      const routes = measured[sampleLine.labels.provider];
      routes[sampleLine.labels.route] = (routes[sampleLine.labels.route] ?? 0) + moved;
    }
    expect(measured).toEqual(emulated);
    expect(Object.keys(measured.AUTH0).length).toBeGreaterThan(2);

    const text = after.text;
    const secrets = emulatorSecrets(stack.emulators);
    for (const secret of secrets) expect(text).not.toContain(secret);
    const ids = items.flatMap((i) => [i.id, i.nativeId ?? '']).filter((id) => id.length >= 8);
    expect(ids.length).toBeGreaterThan(30);
    for (const id of ids) expect(text).not.toContain(id);
    expect(text).not.toMatch(/https?:\/\/|127\.0\.0\.1/);
    expect(after.labelValues('orgraph_upstream_calls_total', 'route')).not.toContain('other');
  });
});

describe('ORGRAPH_METRICS', () => {
  it('false: no /metrics; a value that is not a boolean is refused without being echoed', async () => {
    expect(loadConfig({}).metrics.enabled).toBe(true);
    expect(loadConfig({ ORGRAPH_METRICS: 'false' }).metrics.enabled).toBe(false);
    const error = configErrorOf({ ORGRAPH_METRICS: 'secret-value-42' });
    expect(error.message).toContain('ORGRAPH_METRICS');
    expect(error.message).not.toContain('secret-value-42');

    const stack = await startTestStack({
      configure: (config) => ({ ...config, metrics: { enabled: false } }),
    });
    try {
      expect((await fetch(new URL('/metrics', stack.server.url))).status).toBe(404);
      expect((await stack.query('{ __typename }')).errors).toBeUndefined();
    } finally {
      await stack.stop();
    }
  });
});

describe('with Redis unreachable', () => {
  it('counts its failures, and the cache and rate budget working without it', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const stack = await startTestStack({
      configure: (config) => ({
        ...config,
        store: {
          ...config.store,
          redisUrl: `redis://127.0.0.1:${closedPort}`,
          secret: 'metrics-test-secret-0123456789',
        },
      }),
    });
    try {
      const result = await stack.query(
        '{ organizations(filter: { providers: [CRUX] }) { totalCount } }',
      );
      expect(result.errors).toBeUndefined();
      const scrape = await scrapeMetrics(stack.server.url);
      expect(scrape.value('orgraph_redis_errors_total')).toBeGreaterThan(0);
      expect(scrape.value('orgraph_shared_store_failures_total', { component: 'cache' })).toBe(
        stack.server.upstream.cache!.storeFailures,
      );
      expect(
        scrape.value('orgraph_shared_store_failures_total', { component: 'rate_budget' }),
      ).toBe(stack.server.upstream.rateBudget.storeFailures);
      expect(stack.server.upstream.cache!.storeFailures).toBeGreaterThan(0);
      expect(scrape.text).not.toContain(String(closedPort));
    } finally {
      await stack.stop();
    }
  });
});

function withoutRoute(routes: Record<string, number>, route: string): Record<string, number> {
  const rest = { ...routes };
  delete rest[route];
  return rest;
}
