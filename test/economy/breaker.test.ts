import { performance } from 'node:perf_hooks';
import pino from 'pino';
import type { Config } from '../../src/config/config.type';
import type { EmulatorServer } from '../../src/emulators/emulator-server';
import { Provider } from '../../src/model/provider';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';

/**
 * The provider breaker and the request deadline over real HTTP: a hanging or failing provider stops
 * costing every request a timeout once its breaker opens, the other providers still answer, data cached
 * before the outage is served marked stale, and the breaker closes again after one good probe. Callers'
 * bad credentials (401, 403) and missing objects (404) are never the provider's failure. Every count
 * comes from the emulators' counters.
 */

/** Per attempt: long enough that "answered well within one timeout" cannot be a near miss. */
const TIMEOUT_MS = 3000;
const FAILURES = 3;
/** Long enough that a few quick requests always fit in it on a slow machine. */
const COOLDOWN_MS = 3000;

/** Three Crux listings at once (connections, users, permissions). */
const CRUX_SPREAD = `{
  organizations(filter: { providers: [CRUX] }, limit: 500) { totalCount }
  users(filter: { providers: [CRUX] }) { totalCount }
  permissions(filter: { providers: [CRUX] }) { totalCount } }`;
/** One Crux call (`GET /organizations/connections/`). */
const ONE_CRUX = '{ organizations(filter: { providers: [CRUX] }, limit: 500) { totalCount } }';
/** One Crux call (`GET /organizations/all_permissions/`). */
const CRUX_PERMISSIONS = '{ permissions(filter: { providers: [CRUX] }) { totalCount } }';
/** Every provider's organizations: 13 Crux, 12 Auth0 and 12 Datadog (default seed and size). */
const ALL_ORGS = '{ organizations(limit: 500) { totalCount items { id provider name } } }';
const AUTH0_TOKEN = 'POST /oauth/token';

/** What ONE_CRUX and the other `{ organizations { totalCount } }` queries select. */
interface OrganizationCount {
  organizations: { totalCount: number };
}

/** What ALL_ORGS selects. */
interface AllOrganizations {
  organizations: {
    totalCount: number;
    items: Array<{ id: string; provider: string; name: string }>;
  };
}

/** What CRUX_SPREAD selects. */
interface CruxSpread {
  organizations: { totalCount: number };
  users: { totalCount: number };
  permissions: { totalCount: number };
}

interface Report {
  calls: number;
  stale: boolean;
  staleProviders?: string[];
}

function codesOf(result: GraphQLResponse<unknown>) {
  return (result.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.provider]);
}

function upstreamOf(result: GraphQLResponse<unknown>): Report {
  return result.extensions!.upstream as Report;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Calls to the providers' APIs: what requests pay for (Auth0's token endpoint is the server's). */
function apiCalls(stack: TestStack): number {
  const { crux, auth0, datadog } = stack.emulators;
  return (
    crux.counter.count() +
    auth0.counter.count() -
    auth0.counter.count(AUTH0_TOKEN) +
    datadog.counter.count()
  );
}

async function timed<T>(
  stack: TestStack,
  text: string,
  headers?: Record<string, string>,
): Promise<{ result: GraphQLResponse<T>; ms: number }> {
  const start = performance.now();
  const result = await stack.query<T>(text, undefined, headers);
  return { result, ms: Math.round(performance.now() - start) };
}

/** Measured numbers, printed at the end for the report. */
const measured: Record<string, unknown> = {};
afterAll(() => console.log(`breaker.test measured: ${JSON.stringify(measured)}`));

describe('provider breaker', () => {
  let stack: TestStack;
  /** The server's breaker log lines, with the Crux calls counted when each was written. */
  const breakerEvents: Array<{ msg: string; at: number; cruxCalls: number }> = [];

  beforeAll(async () => {
    const logger = pino(
      { level: 'info' },
      {
        write(line: string) {
          const { msg } = JSON.parse(line) as { msg: string };
          if (msg.startsWith('breaker:')) {
            breakerEvents.push({
              msg,
              at: performance.now(),
              cruxCalls: stack.emulators.crux.counter.count(),
            });
          }
        },
      },
    );
    stack = await startTestStack({
      logger,
      configure: (config) => ({
        ...config,
        upstream: { ...config.upstream, timeoutMs: TIMEOUT_MS, retries: 1, maxRetryDelayMs: 200 },
        // Every read goes upstream (fresh 0, no stale-while-revalidate); an older entry is served only
        // when its provider fails (stale-if-error), for an hour.
        cache: {
          ...config.cache,
          enabled: true,
          freshSeconds: { CRUX: 0, AUTH0: 0, DATADOG: 0 },
          staleWhileRevalidateSeconds: 0,
          maxAgeSeconds: 3600,
        },
        economy: { ...config.economy, breaker: { failures: FAILURES, cooldownMs: COOLDOWN_MS } },
      }),
    });
    // The server's Auth0 token is fetched once per process: before anything is counted.
    await stack.query('{ organizations(filter: { providers: [AUTH0] }, limit: 1) { totalCount } }');
  });
  afterAll(() => stack?.stop());
  beforeEach(async () => {
    await stack.reset();
    breakerEvents.length = 0;
  });

  const crux = () => stack.emulators.crux;
  const stateOf = (provider: Provider) =>
    stack.server.upstream.breakers.state(
      provider,
      stack.emulators.providers[provider.toLowerCase() as 'crux' | 'auth0' | 'datadog']!.baseUrl,
    );
  const statuses = (emulator: EmulatorServer, route: string) =>
    emulator.counter
      .requests()
      .filter((r) => r.route === route)
      .map((r) => r.status);

  /**
   * Crux answers once (its permissions), then hangs. Crux sends no rate-limit headers, so that one
   * answer tells the rate budget there is nothing to pace: the three calls of CRUX_SPREAD then leave
   * together, their first attempts time out together (FAILURES failures) and their retries find the
   * breaker open. Exactly three calls reach Crux while it hangs.
   */
  async function openCruxBreakerWithHangs(): Promise<number> {
    expect((await stack.query(CRUX_PERMISSIONS)).errors).toBeUndefined();
    crux().setKnobs({ faults: [{ timeout: true }] });
    const before = crux().counter.count();
    const { result, ms } = await timed(stack, CRUX_SPREAD);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(crux().counter.count() - before).toBe(FAILURES);
    expect(stateOf(Provider.CRUX)).toBe('open');
    return ms;
  }

  it('once open: answers well within one attempt timeout, UPSTREAM_UNAVAILABLE for Crux beside the other providers, and no Crux call during the cool-down', async () => {
    // While closed, a hanging Crux costs the request at least one attempt's timeout.
    const openingMs = await openCruxBreakerWithHangs();
    expect(openingMs).toBeGreaterThanOrEqual(TIMEOUT_MS);
    const cruxCalls = crux().counter.count();

    const elapsed: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const callsBefore = apiCalls(stack);
      const { result, ms } = await timed<AllOrganizations>(stack, ALL_ORGS);
      elapsed.push(ms);
      expect(ms).toBeLessThan(TIMEOUT_MS);
      expect(codesOf(result)).toEqual([['UPSTREAM_UNAVAILABLE', 'CRUX']]);
      expect(result.errors![0].message).toBe(
        `Crux Connect is failing; calls are paused for up to ${COOLDOWN_MS / 1000} s`,
      );
      expect(result.data?.organizations.items).toHaveLength(12 + 12);
      expect(new Set(result.data?.organizations.items.map((o) => o.provider))).toEqual(
        new Set(['AUTH0', 'DATADOG']),
      );
      // A call the breaker refused was never made: the report counts what reached the providers.
      expect(upstreamOf(result).calls).toBe(apiCalls(stack) - callsBefore);
    }
    expect(crux().counter.count()).toBe(cruxCalls);
    expect(stateOf(Provider.CRUX)).toBe('open');
    measured.whileOpen = {
      openingRequestMs: openingMs,
      requestMs: elapsed,
      timeoutMs: TIMEOUT_MS,
      cruxCallsWhileOpen: crux().counter.count() - cruxCalls,
    };
  });

  it('closes again when Crux recovers: after the cool-down one probe call succeeds, later calls go through', async () => {
    await openCruxBreakerWithHangs();
    crux().setKnobs({ faults: [] });
    const beforeProbe = crux().counter.count();
    await sleep(COOLDOWN_MS + 300);

    const probe = await timed<OrganizationCount>(stack, ONE_CRUX);
    expect(probe.result.errors).toBeUndefined();
    expect(probe.result.data?.organizations.totalCount).toBe(13);
    expect(crux().counter.count() - beforeProbe).toBe(1);
    expect(stateOf(Provider.CRUX)).toBe('closed');
    expect(breakerEvents.map((e) => e.msg)).toEqual([
      'breaker: open, failing calls fast',
      'breaker: closed again',
    ]);

    const later = await stack.query<CruxSpread>(CRUX_SPREAD);
    expect(later.errors).toBeUndefined();
    expect(later.data?.users.totalCount).toBeGreaterThan(0);
    expect(crux().counter.count() - beforeProbe).toBe(1 + 3);
    measured.recovery = { probeRequestMs: probe.ms, probeCalls: 1, laterCalls: 3 };
  });

  it('a probe that fails opens it again for another cool-down', async () => {
    await openCruxBreakerWithHangs();
    await sleep(COOLDOWN_MS + 300);
    const beforeProbe = crux().counter.count();
    // The probe hangs like the calls before it: one attempt, and its retry finds the breaker open.
    const probe = await timed<OrganizationCount>(stack, ONE_CRUX);
    expect(codesOf(probe.result)).toEqual([['UPSTREAM_UNAVAILABLE', 'CRUX']]);
    expect(crux().counter.count() - beforeProbe).toBe(1);
    expect(stateOf(Provider.CRUX)).toBe('open');
    const next = await timed<OrganizationCount>(stack, ONE_CRUX);
    expect(next.ms).toBeLessThan(TIMEOUT_MS);
    expect(codesOf(next.result)).toEqual([['UPSTREAM_UNAVAILABLE', 'CRUX']]);
    expect(crux().counter.count() - beforeProbe).toBe(1);
    measured.failedProbe = { probeRequestMs: probe.ms, nextRequestMs: next.ms };
  });

  it('serves the data cached before the outage, marked stale, while the breaker is open', async () => {
    const before = await stack.query<AllOrganizations>(ALL_ORGS);
    expect(before.errors).toBeUndefined();
    const cruxBefore = before.data?.organizations.items.filter((o) => o.provider === 'CRUX');
    expect(cruxBefore).toHaveLength(13);
    expect(upstreamOf(before).stale).toBe(false);

    await openCruxBreakerWithHangs();
    const cruxCalls = crux().counter.count();
    const during = await timed<AllOrganizations>(stack, ALL_ORGS);
    expect(during.ms).toBeLessThan(TIMEOUT_MS);
    // Crux's organizations are the cached ones: no error, since they are there, but marked stale.
    expect(during.result.errors).toBeUndefined();
    expect(during.result.data?.organizations.totalCount).toBe(13 + 12 + 12);
    expect(during.result.data?.organizations.items.filter((o) => o.provider === 'CRUX')).toEqual(
      cruxBefore,
    );
    expect(upstreamOf(during.result)).toMatchObject({ stale: true, staleProviders: ['CRUX'] });

    // Asking for fresh data does not hide the outage: the cached entry is still the fallback.
    const fresh = await timed<AllOrganizations>(stack, ALL_ORGS, { 'cache-control': 'no-cache' });
    expect(fresh.ms).toBeLessThan(TIMEOUT_MS);
    expect(fresh.result.errors).toBeUndefined();
    expect(upstreamOf(fresh.result)).toMatchObject({ stale: true, staleProviders: ['CRUX'] });
    expect(crux().counter.count()).toBe(cruxCalls);
    measured.staleWhileOpen = { requestMs: during.ms, noCacheRequestMs: fresh.ms };
  });

  it("a caller's bad credentials (401), however often, never open it: the server's own still reach Crux and Auth0", async () => {
    const attempts = FAILURES + 3;
    for (let i = 0; i < attempts; i += 1) {
      const result = await stack.query(`{ organizations(limit: 500) { totalCount } }`, undefined, {
        'x-crux-token': `wrong-crux-token-${i}`,
        'x-auth0-token': `wrong-auth0-token-${i}`,
        'cache-control': 'no-cache',
      });
      expect(codesOf(result).sort()).toEqual([
        ['UPSTREAM_UNAUTHORIZED', 'AUTH0'],
        ['UPSTREAM_UNAUTHORIZED', 'CRUX'],
      ]);
    }
    // One call per request at each, never retried, all 401.
    const cruxListing = 'GET /organizations/connections/';
    const auth0Listing = 'GET /api/v2/organizations';
    expect(statuses(crux(), cruxListing)).toEqual(Array(attempts).fill(401));
    expect(statuses(stack.emulators.auth0, auth0Listing)).toEqual(Array(attempts).fill(401));
    // A caller's own Auth0 token is never "renewed" with the server's client credentials.
    expect(stack.emulators.auth0.counter.count(AUTH0_TOKEN)).toBe(0);
    expect(stateOf(Provider.CRUX)).toBe('closed');
    expect(stateOf(Provider.AUTH0)).toBe('closed');

    const own = await stack.query<OrganizationCount>(
      `{ organizations(limit: 500) { totalCount } }`,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.organizations.totalCount).toBe(13 + 12 + 12);
    expect(statuses(crux(), cruxListing)).toEqual([...Array<number>(attempts).fill(401), 200]);
    expect(statuses(stack.emulators.auth0, auth0Listing)).toEqual([
      ...Array<number>(attempts).fill(401),
      200,
    ]);
  });

  it("Datadog's 403 for a caller's bad keys never opens it", async () => {
    const attempts = FAILURES + 3;
    const query = '{ organizations(filter: { providers: [DATADOG] }, limit: 500) { totalCount } }';
    for (let i = 0; i < attempts; i += 1) {
      const result = await stack.query(query, undefined, {
        'x-datadog-api-key': `wrong-api-key-${i}`,
        'x-datadog-application-key': `wrong-app-key-${i}`,
      });
      expect(codesOf(result)).toEqual([['UPSTREAM_FORBIDDEN', 'DATADOG']]);
    }
    const datadog = stack.emulators.datadog;
    expect(datadog.counter.requests().map((r) => r.status)).toEqual(Array(attempts).fill(403));
    expect(stateOf(Provider.DATADOG)).toBe('closed');

    const own = await stack.query<OrganizationCount>(query);
    expect(own.errors).toBeUndefined();
    expect(own.data?.organizations.totalCount).toBe(12);
    expect(datadog.counter.requests().map((r) => r.status)).toEqual([
      ...Array<number>(attempts).fill(403),
      200,
    ]);
  });

  it('404 answers never open it', async () => {
    const attempts = FAILURES + 3;
    crux().setKnobs({ faults: [{ status: 404, times: attempts }] });
    for (let i = 0; i < attempts; i += 1) {
      const result = await stack.query(ONE_CRUX, undefined, { 'cache-control': 'no-cache' });
      expect(codesOf(result)).toEqual([['NOT_FOUND', 'CRUX']]);
    }
    expect(crux().counter.count()).toBe(attempts);
    expect(stateOf(Provider.CRUX)).toBe('closed');

    const own = await stack.query<OrganizationCount>(ONE_CRUX);
    expect(own.errors).toBeUndefined();
    expect(own.data?.organizations.totalCount).toBe(13);
    expect(crux().counter.count()).toBe(attempts + 1);
  });

  it('5xx answers count: 503s open it after FAILURES attempts', async () => {
    crux().setKnobs({ faults: [{ status: 503 }] });
    // A try and a retry: two failures, still closed.
    const first = await stack.query(ONE_CRUX);
    expect(codesOf(first)).toEqual([['UPSTREAM_UNAVAILABLE', 'CRUX']]);
    expect(first.errors![0].message).toBe('Crux Connect is unavailable (503)');
    expect(crux().counter.count()).toBe(2);
    expect(stateOf(Provider.CRUX)).toBe('closed');
    // The third failure opens it; the retry is refused without a call.
    const second = await stack.query(ONE_CRUX);
    expect(codesOf(second)).toEqual([['UPSTREAM_UNAVAILABLE', 'CRUX']]);
    expect(second.errors![0].message).toMatch(/^Crux Connect is failing; calls are paused/);
    expect(crux().counter.count()).toBe(FAILURES);
    expect(stateOf(Provider.CRUX)).toBe('open');

    const third = await timed(stack, ONE_CRUX);
    expect(third.ms).toBeLessThan(TIMEOUT_MS);
    expect(codesOf(third.result)).toEqual([['UPSTREAM_UNAVAILABLE', 'CRUX']]);
    expect(crux().counter.count()).toBe(FAILURES);
  });

  it('calls still waiting for their turn when it opens are not sent during the cool-down (Crux hanging from a cold start)', async () => {
    // Cold start: the rate budget has not learned Crux's window, so calls go one at a time as probes
    // (PROBE_LEASE_MS apart while none answers), and some are still waiting when the breaker opens.
    crux().setKnobs({ faults: [{ timeout: true }] });
    const { result, ms } = await timed<CruxSpread>(stack, CRUX_SPREAD);
    expect(codesOf(result).map(([code]) => code)).toEqual(Array(3).fill('UPSTREAM_UNAVAILABLE'));
    const opened = breakerEvents.find((e) => e.msg === 'breaker: open, failing calls fast');
    expect(opened).toBeDefined();
    // The cool-down may outlast the request: look at Crux's counter up to just before its end.
    const coolDownLeft = opened!.at + COOLDOWN_MS - 200 - performance.now();
    if (coolDownLeft > 0) await sleep(coolDownLeft);
    expect(crux().counter.count()).toBe(opened!.cruxCalls);
    measured.coldStart = {
      requestMs: ms,
      cruxCallsBeforeOpen: opened!.cruxCalls,
      cruxCallsDuringCoolDown: crux().counter.count() - opened!.cruxCalls,
    };
  });
});

/** The request deadline bounds a request, whatever the retry policy would allow. */
describe('request deadline', () => {
  const DEADLINE_MS = 1500;
  const LONG_TIMEOUT_MS = 20_000;
  /** Retried for minutes, but for the deadline; no breaker in the way. */
  const configure =
    (retries: number) =>
    (config: Config): Config => ({
      ...config,
      upstream: { ...config.upstream, timeoutMs: LONG_TIMEOUT_MS, retries, maxRetryDelayMs: 500 },
      economy: {
        ...config.economy,
        requestDeadlineMs: DEADLINE_MS,
        breaker: { failures: 100, cooldownMs: 10_000 },
      },
    });

  describe('with the server holding its Auth0 token', () => {
    let stack: TestStack;

    beforeAll(async () => {
      stack = await startTestStack({ configure: configure(5) });
      await stack.query(
        '{ organizations(filter: { providers: [AUTH0] }, limit: 1) { totalCount } }',
      );
    });
    afterAll(() => stack?.stop());
    beforeEach(() => stack.reset());

    it('a hanging Crux answers UPSTREAM_UNAVAILABLE within the deadline, beside the others', async () => {
      stack.emulators.crux.setKnobs({ faults: [{ timeout: true }] });
      const { result, ms } = await timed<AllOrganizations>(stack, ALL_ORGS);
      expect(ms).toBeLessThan(DEADLINE_MS + 1500);
      expect(codesOf(result)).toEqual([['UPSTREAM_UNAVAILABLE', 'CRUX']]);
      expect(result.errors![0].message).toBe(
        "Crux Connect did not answer within the request's deadline",
      );
      expect(result.data?.organizations.items).toHaveLength(12 + 12);
      // One attempt fits in the deadline; no retry is sent after it.
      expect(stack.emulators.crux.counter.count()).toBe(1);
      measured.deadline = { requestMs: ms, deadlineMs: DEADLINE_MS, timeoutMs: LONG_TIMEOUT_MS };
    });
  });

  describe('before the server has its Auth0 token', () => {
    let stack: TestStack;

    beforeAll(async () => {
      // One retry: the token fetch outlives the request, and stops soon after the emulators do.
      stack = await startTestStack({ configure: configure(1) });
    });
    afterAll(() => stack?.stop());

    it('a hanging Auth0, token endpoint included, answers UPSTREAM_UNAVAILABLE within the deadline, beside the others', async () => {
      stack.emulators.auth0.setKnobs({ faults: [{ timeout: true }] });
      const { result, ms } = await timed<AllOrganizations>(stack, ALL_ORGS);
      expect(ms).toBeLessThan(DEADLINE_MS + 1500);
      expect(codesOf(result)).toEqual([['UPSTREAM_UNAVAILABLE', 'AUTH0']]);
      expect(result.errors![0].message).toBe("Auth0 did not answer within the request's deadline");
      expect(result.data?.organizations.items).toHaveLength(13 + 12);
      expect(stack.emulators.auth0.counter.byRoute()).toEqual({ [AUTH0_TOKEN]: 1 });
      measured.deadlineAuth0Token = {
        requestMs: ms,
        deadlineMs: DEADLINE_MS,
        timeoutMs: LONG_TIMEOUT_MS,
      };
    });
  });
});
