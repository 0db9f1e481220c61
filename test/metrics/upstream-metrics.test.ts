import { expect } from '@jest/globals';
import pino from 'pino';
import { scrapeMetrics, type MetricsScrape } from '../support/prometheus-text';
import { rateWindowStart } from '../support/rate-window-start';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';
import { emulatorSecrets } from '../support/emulator-secrets';

/**
 * The upstream metrics over real HTTP: after known queries, GET /metrics moves exactly as the
 * emulators' counters say the providers were called — calls by route template and status, cache
 * misses and hits, retries, 429s, rate-budget waits, the breaker's state, and what orgraph refused to
 * send (call budget, rate budget, deadline, open breaker). Upstream calls are logged at debug level
 * under the same names, with no credential in any line.
 */

const CRUX_ORGS =
  'query CruxOrganizations { organizations(filter: { providers: [CRUX] }, limit: 500) { totalCount } }';
const CRUX_ROUTE = 'GET /organizations/connections/';
/** What CRUX_ORGS selects. */
interface CruxOrgsData {
  organizations: { totalCount: number };
}
const DATADOG_ORGS =
  'query DatadogOrganizations { organizations(filter: { providers: [DATADOG] }, limit: 500) { totalCount } }';
const DATADOG_ROUTE = 'GET /api/v2/org_connections';
/** One Auth0 organizations listing, then one members listing per organization (12). */
const AUTH0_USERS = '{ users(filter: { providers: [AUTH0] }) { totalCount } }';
const FAILURES = 3;
const AUTH0_TOKEN = 'POST /oauth/token';

const CALLS = 'orgraph_upstream_calls_total';
const CACHE = 'orgraph_cache_reads_total';
const REFUSALS = 'orgraph_upstream_refusals_total';

interface LogLine {
  msg: string;
  [field: string]: unknown;
}

function codesOf(result: GraphQLResponse<unknown>) {
  return (result.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.provider]);
}

/** How much a sample moved between two scrapes. */
function delta(before: MetricsScrape, after: MetricsScrape) {
  return (name: string, labels: Record<string, string> = {}) =>
    after.value(name, labels) - before.value(name, labels);
}

describe('upstream metrics', () => {
  let stack: TestStack;
  const lines: LogLine[] = [];
  const calls = () => lines.filter((l) => l.msg === 'upstream call');

  beforeAll(async () => {
    const logger = pino(
      { level: 'debug' },
      { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
    );
    stack = await startTestStack({
      logger,
      configure: (config) => ({
        ...config,
        // Crux's 429 asks for 1 s: waited for, then retried.
        upstream: { ...config.upstream, retries: 2, maxRetryDelayMs: 2000 },
        economy: { ...config.economy, breaker: { failures: FAILURES, cooldownMs: 60_000 } },
      }),
    });
  });
  afterAll(() => stack?.stop());
  beforeEach(async () => {
    await stack.reset();
    lines.length = 0;
  });

  const scrape = () => scrapeMetrics(stack.server.url);
  const crux = () => stack.emulators.crux;
  it('a Crux listing cold, then warm: one call to GET /organizations/connections/ (200), a cache miss, then a hit', async () => {
    const before = await scrape();
    const cold = await stack.query<CruxOrgsData>(CRUX_ORGS);
    expect(cold.errors).toBeUndefined();
    expect(cold.data!.organizations.totalCount).toBe(13);
    const afterCold = await scrape();
    const coldDelta = delta(before, afterCold);
    expect(crux().counter.byRoute()).toEqual({ [CRUX_ROUTE]: 1 });
    expect(coldDelta(CALLS)).toBe(1);
    expect(
      coldDelta(CALLS, { provider: 'CRUX', route: CRUX_ROUTE, status: '200', outcome: 'ok' }),
    ).toBe(1);
    expect(
      coldDelta('orgraph_upstream_call_duration_seconds_count', {
        provider: 'CRUX',
        route: CRUX_ROUTE,
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(coldDelta(CACHE, { provider: 'CRUX', outcome: 'miss' })).toBe(1);
    expect(coldDelta(CACHE, { provider: 'CRUX', outcome: 'hit' })).toBe(0);

    const warm = await stack.query<CruxOrgsData>(CRUX_ORGS);
    expect(warm.data!.organizations.totalCount).toBe(13);
    const warmDelta = delta(afterCold, await scrape());
    expect(crux().counter.count()).toBe(1);
    expect(warmDelta(CALLS)).toBe(0);
    expect(warmDelta(CACHE, { provider: 'CRUX', outcome: 'hit' })).toBe(1);
    expect(warmDelta(CACHE, { provider: 'CRUX', outcome: 'miss' })).toBe(0);
    expect(
      warmDelta('orgraph_graphql_requests_total', {
        operation: 'CruxOrganizations',
        outcome: 'ok',
      }),
    ).toBe(1);

    // The debug line of the one call: its route template, never its URL.
    expect(calls()).toEqual([
      expect.objectContaining({
        level: 20,
        provider: 'CRUX',
        route: CRUX_ROUTE,
        status: 200,
        outcome: 'ok',
        attempt: 1,
        cache: 'miss',
        durationMs: expect.any(Number),
      }),
    ]);
  });

  it(`a Crux 500: every attempt and retry counted, and the breaker gauge open after ${FAILURES} failures`, async () => {
    const before = await scrape();
    expect(before.value('orgraph_breaker_state', { provider: 'CRUX' })).toBe(0);
    crux().setKnobs({ faults: [{ status: 500 }] });
    const failed = await stack.query(CRUX_ORGS);
    expect(codesOf(failed)).toEqual([['UPSTREAM_UNAVAILABLE', 'CRUX']]);
    const statuses = crux()
      .counter.requests()
      .map((r) => r.status);
    expect(statuses).toEqual([500, 500, 500]);

    const opened = await scrape();
    const d = delta(before, opened);
    expect(
      d(CALLS, { provider: 'CRUX', route: CRUX_ROUTE, status: '500', outcome: 'server_error' }),
    ).toBe(statuses.length);
    expect(d(CALLS)).toBe(statuses.length);
    expect(d('orgraph_upstream_retries_total', { provider: 'CRUX', route: CRUX_ROUTE })).toBe(2);
    expect(opened.value('orgraph_breaker_state', { provider: 'CRUX' })).toBe(1);
    expect(opened.value('orgraph_breaker_state', { provider: 'AUTH0' })).toBe(0);
    expect(d('orgraph_breaker_opens_total', { provider: 'CRUX' })).toBe(1);
    expect(d('orgraph_graphql_errors_total', { code: 'UPSTREAM_UNAVAILABLE' })).toBe(1);
    expect(
      d('orgraph_graphql_requests_total', { operation: 'CruxOrganizations', outcome: 'partial' }) +
        d('orgraph_graphql_requests_total', { operation: 'CruxOrganizations', outcome: 'error' }),
    ).toBe(1);
    expect(calls().map((l) => [l.attempt, l.status, l.outcome])).toEqual([
      [1, 500, 'server_error'],
      [2, 500, 'server_error'],
      [3, 500, 'server_error'],
    ]);

    // Open: the next call is refused before it leaves, and counted as such.
    const refused = await stack.query(CRUX_ORGS);
    expect(codesOf(refused)).toEqual([['UPSTREAM_UNAVAILABLE', 'CRUX']]);
    expect(crux().counter.count()).toBe(statuses.length);
    const d2 = delta(opened, await scrape());
    expect(d2(CALLS)).toBe(0);
    expect(d2(REFUSALS, { provider: 'CRUX', reason: 'breaker_open' })).toBe(1);

    // A reset closes it again (the gauge reads the breakers at each scrape).
    await stack.reset();
    expect((await scrape()).value('orgraph_breaker_state', { provider: 'CRUX' })).toBe(0);
  });

  it('a Crux 429: counted as a 429, waited for (Retry-After) and retried once', async () => {
    crux().setKnobs({ faults: [{ route: CRUX_ROUTE, status: 429, times: 1 }] });
    const before = await scrape();
    const result = await stack.query<CruxOrgsData>(CRUX_ORGS);
    expect(result.errors).toBeUndefined();
    expect(
      crux()
        .counter.requests()
        .map((r) => r.status),
    ).toEqual([429, 200]);
    const d = delta(before, await scrape());
    expect(d('orgraph_upstream_rate_limited_total', { provider: 'CRUX' })).toBe(1);
    expect(d(CALLS, { provider: 'CRUX', status: '429', outcome: 'rate_limited' })).toBe(1);
    expect(d(CALLS, { provider: 'CRUX', status: '200', outcome: 'ok' })).toBe(1);
    expect(d('orgraph_upstream_retries_total', { provider: 'CRUX', route: CRUX_ROUTE })).toBe(1);
  });

  it("Datadog's announced limit: the second call waits for its turn, counted in waits and seconds", async () => {
    // One call per 3 s: the first learns the window (0 left), the next waits for the reset.
    stack.emulators.datadog.setKnobs({ rateLimit: { limit: 1, periodSeconds: 3 } });
    await rateWindowStart(3);
    const before = await scrape();
    expect((await stack.query(DATADOG_ORGS)).errors).toBeUndefined();
    const fresh = { 'cache-control': 'no-cache' };
    expect((await stack.query(DATADOG_ORGS, undefined, fresh)).errors).toBeUndefined();
    const after = await scrape();
    const d = delta(before, after);
    const datadogStatuses = stack.emulators.datadog.counter.requests().map((r) => r.status);
    expect(datadogStatuses).toEqual([200, 200]);
    expect(d(CALLS, { provider: 'DATADOG', route: DATADOG_ROUTE, status: '200' })).toBe(2);
    expect(d('orgraph_rate_budget_waits_total', { provider: 'DATADOG' })).toBe(1);
    expect(d('orgraph_rate_budget_wait_seconds_total', { provider: 'DATADOG' })).toBeGreaterThan(0);
    expect(d('orgraph_upstream_rate_limited_total')).toBe(0);
    // The second read asked for fresh data: a miss, and the log says it bypassed the cache.
    expect(d(CACHE, { provider: 'DATADOG', outcome: 'miss' })).toBe(2);
    expect(calls().map((l) => [l.route, l.cache])).toEqual([
      [DATADOG_ROUTE, 'miss'],
      [DATADOG_ROUTE, 'bypass'],
    ]);
  });

  it('no debug line carries a credential, a URL or an id', async () => {
    await stack.query('{ organizations(limit: 500) { items { id name } } }');
    await stack.query('{ organizations(limit: 500) { totalCount } }', undefined, {
      ...stack.emulators.secondTenantHeaders,
    });
    expect(calls().length).toBeGreaterThanOrEqual(6);
    const text = JSON.stringify(calls());
    for (const secret of emulatorSecrets(stack.emulators)) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/https?:\/\//);
    // Routes by their templates: no line names an id (the Auth0 listings are per organization).
    expect(new Set(calls().map((l) => l.route))).toEqual(
      new Set([CRUX_ROUTE, 'GET /api/v2/organizations', DATADOG_ROUTE]),
    );
  });
});

describe('refusals', () => {
  const BUDGET = 4;
  const DEADLINE_MS = 1500;
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      configure: (config) => ({
        ...config,
        economy: { ...config.economy, requestCallBudget: BUDGET, requestDeadlineMs: DEADLINE_MS },
      }),
    });
    // The server's Auth0 token is fetched once per process (outside any budget): before counting.
    await stack.query('{ organizations(filter: { providers: [AUTH0] }, limit: 1) { totalCount } }');
  });
  afterAll(() => stack?.stop());
  beforeEach(() => stack.reset());

  const scrape = () => scrapeMetrics(stack.server.url);

  it('the call budget: each refused call counted, none of them sent', async () => {
    const before = await scrape();
    const result = await stack.query(AUTH0_USERS);
    expect(codesOf(result)).toContainEqual(['UPSTREAM_BUDGET_EXCEEDED', 'AUTH0']);
    const d = delta(before, await scrape());
    const auth0 = stack.emulators.auth0.counter;
    const sent = auth0.count() - auth0.count(AUTH0_TOKEN);
    expect(sent).toBe(BUDGET);
    expect(d(CALLS, { provider: 'AUTH0' })).toBe(sent);
    // One organizations listing, then a members listing per organization: the rest were refused.
    const needed = 1 + stack.emulators.auth0.data.organizations.length;
    expect(d(REFUSALS, { provider: 'AUTH0', reason: 'call_budget' })).toBe(needed - BUDGET);
  });

  it('the deadline: counted once for the request, however many of its waits it cut', async () => {
    stack.emulators.crux.setKnobs({ latencyMs: DEADLINE_MS * 3 });
    const before = await scrape();
    const result = await stack.query(CRUX_ORGS);
    expect(codesOf(result)).toEqual([['UPSTREAM_UNAVAILABLE', 'CRUX']]);
    const d = delta(before, await scrape());
    expect(d(REFUSALS, { provider: 'CRUX', reason: 'deadline' })).toBe(1);
  });

  it('the rate budget: a turn that would come after the deadline is refused, and counted', async () => {
    // An hour: whenever the first call lands, the next turn is far past the deadline.
    stack.emulators.datadog.setKnobs({ rateLimit: { limit: 1, periodSeconds: 3600 } });
    expect((await stack.query(DATADOG_ORGS)).errors).toBeUndefined();
    const before = await scrape();
    // Fresh data asked for, no turn before the deadline: the cached listing is served, marked stale.
    const refused = await stack.query(DATADOG_ORGS, undefined, { 'cache-control': 'no-cache' });
    expect(refused.errors).toBeUndefined();
    expect(refused.extensions?.upstream).toMatchObject({ staleProviders: ['DATADOG'] });
    expect(stack.emulators.datadog.counter.count()).toBe(1);
    const d = delta(before, await scrape());
    expect(d(REFUSALS, { provider: 'DATADOG', reason: 'rate_budget' })).toBe(1);
    expect(d(CACHE, { provider: 'DATADOG', outcome: 'stale_if_error' })).toBe(1);
    expect(d(CALLS, { provider: 'DATADOG' })).toBe(0);
  });
});
