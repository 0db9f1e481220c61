import net, { type AddressInfo } from 'node:net';
import { startEmulators, type RunningEmulators } from '../../src/emulators/start-emulators';
import { encodeGlobalId } from '../../src/model/global-id';
import { Provider } from '../../src/model/provider';
import { emulatorEnv } from '../support/emulator-env';
import { startOrgraphProcess, type OrgraphProcess } from '../support/orgraph-process';
import { startRedisServer, type RedisServer } from '../support/redis-server';

/**
 * Replicas as they run in production: separate orgraph processes (src/main.ts) sharing one real
 * redis-server, in front of the emulators (which run here, so their counters are at hand). What one
 * replica read, the others serve; together they stay inside the rate limit the provider announces,
 * also while Redis hangs; and a replica that never reaches Redis still answers.
 */

/** Auth0's limit in these tests, learned by orgraph from the response headers only. */
const LIMIT = { limit: 10, periodSeconds: 1 };
/**
 * The request deadline given to the replicas. Offered four times the limit, most queries never get a
 * turn: they wait for one until their deadline, then answer UPSTREAM_RATE_LIMITED. The default (15 s)
 * would keep hundreds of them waiting long after the load stops. orgraph takes no turn later than 1 s
 * before the deadline, so 3 s leaves 2 s of turns: two of Auth0's windows, so a query is only refused
 * after it saw a whole window go to others.
 */
const DEADLINE_MS = 3_000;
/** How much later than its deadline an answer may come on a slow, loaded machine. */
const ANSWER_MARGIN_MS = 2_000;
/** Queries per second offered to each replica: with two replicas, four times the limit. */
const PER_REPLICA_PER_SECOND = 20;
const SECRET = 'replica-test-secret-0123456789';
const TOKEN_ROUTE = 'POST /oauth/token';
const WARM_UP = '{ organizations(filter: { providers: [AUTH0] }, limit: 1) { totalCount } }';
/** Enough Auth0 organizations that no query in this file asks for one another query already read. */
const SIZE = 1_000;

interface Answer {
  /** epoch ms */
  answeredAt: number;
  ms: number;
  /** `ok`, `rate-limited`, or what else came back. */
  outcome: string;
}

interface RunReport {
  seconds: number;
  queries: number;
  answered: number;
  rateLimited: number;
  other: string[];
  /** Auth0 API calls the emulator served (200) and refused (429) during the run. */
  served: number;
  refused: number;
  servedPerSecond: number;
  p50Ms: number;
  maxMs: number;
  /**
   * Queries answered with data in each second of the run, by the clock's whole seconds: Auth0's windows
   * (the emulator aligns them to the clock), give or take the few ms an answer takes to come back.
   */
  answeredByWindow: number[];
}

describe('replicas sharing one Redis', () => {
  let emulators: RunningEmulators;
  let redis: RedisServer;
  let replicas: OrgraphProcess[] = [];
  let withoutRedis: OrgraphProcess;
  let nextOrganization = 0;

  const env = (redisUrl: string): Record<string, string> => {
    return {
      ...emulatorEnv(emulators),
      REDIS_URL: redisUrl,
      ORGRAPH_CACHE_SECRET: SECRET,
      ORGRAPH_REQUEST_DEADLINE_MS: String(DEADLINE_MS),
      // Info: the line saying where orgraph listens is an info line.
      LOG_LEVEL: 'info',
    };
  };

  beforeAll(async () => {
    emulators = await startEmulators({ size: SIZE });
    // Limited from the start: the replicas learn the limit from their first call's headers.
    emulators.auth0.setKnobs({ rateLimit: LIMIT });
    redis = await startRedisServer();
    const closedPort = await freePort();
    const started = await Promise.all([
      startOrgraphProcess(env(redis.url)),
      startOrgraphProcess(env(redis.url)),
      startOrgraphProcess(env(`redis://127.0.0.1:${closedPort}`)),
    ]);
    replicas = started.slice(0, 2);
    withoutRedis = started[2]!;
    // Each replica's first Auth0 call probes the limit, one call at a time; on a loaded machine that
    // can take a while, so it is done here rather than in the first test.
    for (const replica of [...replicas, withoutRedis]) {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const warm = await query(replica.url, WARM_UP, {});
        if (!warm.errors) break;
        await sleep(500);
      }
    }
  }, 60_000);

  afterAll(async () => {
    redis?.resume();
    await Promise.all([...replicas, withoutRedis].map((p) => p?.stop()));
    await redis?.stop();
    await emulators?.stop();
  });

  async function query(
    url: string,
    text: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: text, variables }),
      // Far past any bound asserted here: a hung replica ends as a failed query, not a hung test.
      signal: AbortSignal.timeout(DEADLINE_MS + 10_000),
    });
    return (await response.json()) as {
      data?: { organization?: { id: string; displayName: string } | null } | null;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
      extensions?: { upstream?: { calls: number; cache: { hits: number; misses: number } } };
    };
  }

  const auth0Requests = () =>
    emulators.auth0.counter.requests().filter((r) => r.route !== TOKEN_ROUTE);

  /** An Auth0 organization no query has asked for yet: each query below costs exactly one call. */
  function freshOrganizationId(): { id: string; name: string } {
    const organization = emulators.auth0.data.organizations[nextOrganization++];
    if (!organization) throw new Error('the test ran out of Auth0 organizations: raise SIZE');
    return {
      id: encodeGlobalId('Organization', Provider.AUTH0, organization.id),
      name: organization.display_name ?? organization.name,
    };
  }

  /**
   * Offers `perSecond` fresh-read queries a second to each replica for `seconds` (open loop: a query
   * starts on time whether or not earlier ones were answered), each needing one Auth0 call.
   * `during(ms)` runs at every tick, for events in the middle of the run.
   */
  async function offerLoad(
    seconds: number,
    during: (elapsedMs: number) => void = () => undefined,
  ): Promise<RunReport> {
    const before = auth0Requests().length;
    const answers: Answer[] = [];
    const pending: Promise<void>[] = [];
    const ticks = Math.round(seconds * PER_REPLICA_PER_SECOND);
    const interval = 1000 / PER_REPLICA_PER_SECOND;
    const start = Date.now();
    const ask = async (replica: number) => {
      const organization = freshOrganizationId();
      const startedAt = Date.now();
      let outcome: string;
      try {
        const result = await query(
          replicas[replica].url,
          'query($id: ID!) { organization(id: $id) { id displayName } }',
          { id: organization.id },
          { 'cache-control': 'no-cache' },
        );
        const codes = (result.errors ?? []).map((e) => e.extensions?.code);
        if (
          !result.errors &&
          result.data?.organization?.id === organization.id &&
          result.data.organization.displayName === organization.name &&
          result.extensions?.upstream?.calls === 1
        ) {
          outcome = 'ok';
        } else if (codes.length > 0 && codes.every((c) => c === 'UPSTREAM_RATE_LIMITED')) {
          outcome = 'rate-limited';
        } else {
          outcome = JSON.stringify(result).slice(0, 300);
        }
      } catch (error) {
        outcome = `no answer: ${error instanceof Error ? error.message : String(error)}`;
      }
      const answeredAt = Date.now();
      answers.push({ answeredAt, ms: answeredAt - startedAt, outcome });
    };
    for (let tick = 0; tick < ticks; tick += 1) {
      const due = start + tick * interval;
      if (Date.now() < due) await sleep(due - Date.now());
      during(Date.now() - start);
      for (let replica = 0; replica < replicas.length; replica += 1) pending.push(ask(replica));
    }
    await Promise.all(pending);
    const elapsedMs = Date.now() - start;

    const calls = auth0Requests().slice(before);
    const latencies = answers.map((a) => a.ms).sort((x, y) => x - y);
    const answeredByWindow: number[] = [];
    const firstWindow = Math.floor(start / 1000);
    for (const answer of answers.filter((a) => a.outcome === 'ok')) {
      const window = Math.floor(answer.answeredAt / 1000) - firstWindow;
      answeredByWindow[window] = (answeredByWindow[window] ?? 0) + 1;
    }
    const served = calls.filter((c) => c.status === 200).length;
    return {
      seconds: elapsedMs / 1000,
      queries: answers.length,
      answered: answers.filter((a) => a.outcome === 'ok').length,
      rateLimited: answers.filter((a) => a.outcome === 'rate-limited').length,
      other: answers
        .filter((a) => a.outcome !== 'ok' && a.outcome !== 'rate-limited')
        .map((a) => a.outcome),
      served,
      refused: calls.filter((c) => c.status === 429).length,
      servedPerSecond: Number((served / (elapsedMs / 1000)).toFixed(2)),
      p50Ms: latencies[Math.floor(latencies.length / 2)] ?? 0,
      maxMs: latencies[latencies.length - 1] ?? 0,
      answeredByWindow: Array.from(answeredByWindow, (n) => n ?? 0),
    };
  }

  it('serves from one replica what another replica read, with no upstream call', async () => {
    const ids = [freshOrganizationId().id, freshOrganizationId().id];
    const text = `query($a: ID!, $b: ID!) {
      organizations(limit: 5) { totalCount items { id name provider } }
      a: organization(id: $a) { id displayName }
      b: organization(id: $b) { id displayName } }`;
    const first = await query(replicas[0].url, text, { a: ids[0], b: ids[1] });
    expect(first.errors).toBeUndefined();
    expect(first.extensions?.upstream?.calls).toBeGreaterThan(0);

    const counted = {
      crux: emulators.crux.counter.count(),
      auth0: emulators.auth0.counter.count(),
      datadog: emulators.datadog.counter.count(),
    };
    const second = await query(replicas[1].url, text, { a: ids[0], b: ids[1] });
    expect(second.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(second.extensions?.upstream).toMatchObject({ calls: 0, cache: { misses: 0 } });
    // Not even a token: the second replica never had to reach Auth0.
    expect({
      crux: emulators.crux.counter.count(),
      auth0: emulators.auth0.counter.count(),
      datadog: emulators.datadog.counter.count(),
    }).toEqual(counted);
  });

  it('keeps two replicas together inside the limit Auth0 announces, using most of it', async () => {
    const report = await offerLoad(10.5);
    console.log(`normal run: ${JSON.stringify(report)}`);

    expect(report.other).toEqual([]);
    expect(report.refused).toBe(0);
    // Every query answered with data cost exactly one call, and no call was made for any other.
    expect(report.served).toBe(report.answered);
    expect(report.answered + report.rateLimited).toBe(report.queries);
    expect(report.served).toBeGreaterThanOrEqual(0.8 * LIMIT.limit * report.seconds);
    expect(report.maxMs).toBeLessThanOrEqual(DEADLINE_MS + ANSWER_MARGIN_MS);
  });

  it('while Redis hangs, each replica paces itself with its share, then they share again', async () => {
    // Both replicas announced themselves: while Redis hangs, each takes half of the limit.
    expect(await redis.command('ZCARD', 'orgraph:v1:replicas')).toBe(2);
    let pausedAt = 0;
    let resumedAt = 0;
    const report = await offerLoad(11, (elapsed) => {
      if (!pausedAt && elapsed >= 3_500) {
        pausedAt = Date.now();
        redis.pause();
      }
      if (pausedAt && !resumedAt && elapsed >= 6_500) {
        resumedAt = Date.now();
        redis.resume();
      }
    });
    console.log(`SIGSTOP run: ${JSON.stringify(report)}`);

    expect(report.other).toEqual([]);
    expect(report.refused).toBe(0);
    expect(report.served).toBe(report.answered);
    expect(report.answered + report.rateLimited).toBe(report.queries);
    expect(report.maxMs).toBeLessThanOrEqual(DEADLINE_MS + ANSWER_MARGIN_MS);
    // Half the limit each while Redis hung: the provider kept being used, not only spared.
    expect(report.served).toBeGreaterThanOrEqual(0.5 * LIMIT.limit * report.seconds);
    for (const replica of replicas) {
      expect(replica.logs().join('\n')).toMatch(/rate budget: the redis store failed/);
    }
    // Shared again: the shared window (the one whose limit is Auth0's 10) moved on well after the
    // replicas let go of their shares (3 s after they last paced alone).
    const windows = (await redis.command('KEYS', 'orgraph:v1:rate:*')) as string[];
    const resets: number[] = [];
    for (const key of windows) {
      const [limit, reset] = (await redis.command('HMGET', key, 'l', 't')) as string[];
      if (Number(limit) === LIMIT.limit) resets.push(Number(reset));
    }
    expect(resets).toHaveLength(1);
    expect(resets[0]).toBeGreaterThan(resumedAt + 3_000);
  });

  it('answers correctly, within its deadline, when Redis is unreachable from the start', async () => {
    const ids = [freshOrganizationId().id];
    const text = `query($a: ID!) {
      organizations(limit: 3) { totalCount items { id name provider } }
      a: organization(id: $a) { id displayName } }`;
    // The previous test's load may still hold this second's Auth0 window, and its replicas keep to
    // their shares for 3 s after Redis came back: let both pass before asking for a reference answer.
    await sleep(4_000);
    const expected = await query(replicas[0].url, text, { a: ids[0] });
    expect(expected.errors).toBeUndefined();
    for (let round = 0; round < 2; round += 1) {
      const started = Date.now();
      const result = await query(withoutRedis.url, text, { a: ids[0] });
      expect(Date.now() - started).toBeLessThanOrEqual(DEADLINE_MS + ANSWER_MARGIN_MS);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual(expected.data);
      // Nothing is cached without a store: the second round reads the providers again.
      expect(result.extensions?.upstream?.cache.hits).toBe(0);
      expect(result.extensions?.upstream?.calls).toBeGreaterThan(0);
    }
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A loopback port nothing listens on (free a moment ago). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
