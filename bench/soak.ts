/**
 * `npm run soak`: orgraph as a real process (src/main.ts) in front of the three emulators (run
 * here, on loopback), under mixed queries at concurrency 10 (SOAK_CONCURRENCY) for SOAK_MINUTES
 * (default 3), with 10% of the upstream calls faulted (SOAK_FAULT_RATE: 500, 502, 503, 429,
 * truncated JSON, broken shape). Prints answers per error code and orgraph's RSS every 10 s. Exits 1 when an
 * answer is malformed (not JSON, neither data nor errors, an error without `extensions.code`,
 * INTERNAL_SERVER_ERROR) or comes more than 2 s after the 15 s request deadline, when a query gets an
 * answer it should not (a valid one refused as
 * invalid, an invalid one not refused), or when orgraph's RSS still grows over the second half of
 * the run (least-squares slope above SOAK_MAX_RSS_SLOPE_MB_PER_MIN). Not part of `npm test`.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { startEmulators, type RunningEmulators } from '../src/emulators/start-emulators';
import type { Fault } from '../src/emulators/knobs';
import { loadGraphiQLExamples } from '../src/graphiql/graphiql-examples';
import { encodeGlobalId } from '../src/model/global-id';
import { Provider } from '../src/model/provider';
import { emulatorEnv } from '../test/support/emulator-env';
import { startOrgraphProcess } from '../test/support/orgraph-process';

/**
 * The RSS limit's default, 40 MB/min, on the floors of RSS (the lowest sample of each 15 s): a healthy
 * 3-minute run measured 21 MB/min on them (its raw samples swung between 230 and 430 MB with V8's
 * collections); 1 KB kept per request (about 12 MB/min of data) measured 55 on the raw samples.
 */
const settings = {
  minutes: numberFrom('SOAK_MINUTES', 3, 0.05, 24 * 60),
  concurrency: numberFrom('SOAK_CONCURRENCY', 10, 1, 1_000, true),
  faultRate: numberFrom('SOAK_FAULT_RATE', 0.1, 0, 1),
  maxRssSlopeMbPerMinute: numberFrom('SOAK_MAX_RSS_SLOPE_MB_PER_MIN', 40, 0, 10_000),
};
const REPORT_EVERY_MS = 10_000;
const RSS_SAMPLE_EVERY_MS = 1_000;
/** RSS growth is judged on the lowest sample of each quarter minute. */
const FLOOR_BUCKET_MINUTES = 0.25;
/** orgraph's own freshness window is 30 s; 2 s keeps provider reads going all through the run. */
const CACHE_FRESH_SECONDS = '2';
/** One query in three also asks for fresh reads, as a client's refresh does. */
const NO_CACHE_SHARE = 1 / 3;
/** An answer later than this counts as a hang. */
const ANSWER_TIMEOUT_MS = 30_000;
/** orgraph's request deadline (its default), and the most an answer may take beyond it. */
const REQUEST_DEADLINE_MS = 15_000;
const LATE_MARGIN_MS = 2_000;
/** How the faulted share of upstream calls splits between kinds of fault. */
const FAULT_MIX: Array<{ share: number; fault: Fault }> = [
  { share: 0.25, fault: { status: 500 } },
  { share: 0.15, fault: { status: 502 } },
  { share: 0.15, fault: { status: 503 } },
  // The emulators' 429s announce no limit (as Crux's do): orgraph holds the credential for the wait.
  { share: 0.15, fault: { status: 429 } },
  { share: 0.15, fault: { malformed: 'truncated' } },
  { share: 0.15, fault: { malformed: 'shape' } },
];
/** Codes orgraph gives an operation it refuses as invalid before running it. */
const INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'QUERY_TOO_COMPLEX',
]);

interface Operation {
  name: string;
  /** Relative frequency in the mix. */
  weight: number;
  build(): { query: string; variables?: Record<string, unknown> };
  /** The code an invalid operation must be refused with; absent for a valid one. */
  refusedWith?: string;
}

interface Outcome {
  /** `OK`, or the distinct `extensions.code`s of the answer's errors. */
  codes: string[];
  /** Why the answer is a failure of the soak, when it is. */
  failure?: string;
  /** The start of the answer, printed with the first failure of each kind. */
  detail?: string;
  ms: number;
}

async function main(): Promise<void> {
  const durationMs = Math.round(settings.minutes * 60_000);
  console.log(
    `soak: ${settings.minutes} min, concurrency ${settings.concurrency}, ` +
      `${(settings.faultRate * 100).toFixed(1)}% of upstream calls faulted ` +
      `(${FAULT_MIX.map((m) => `${describeFault(m.fault)} ${m.share * 100}%`).join(', ')}), ` +
      `cache fresh ${CACHE_FRESH_SECONDS} s + no-cache on ${Math.round(NO_CACHE_SHARE * 100)}% of queries; ` +
      `fails on a malformed answer or an RSS slope over the second half above ` +
      `${settings.maxRssSlopeMbPerMinute} MB/min (SOAK_MAX_RSS_SLOPE_MB_PER_MIN)`,
  );

  const emulators = await startEmulators();
  const orgraph = await startOrgraphProcess(orgraphEnv(emulators));
  const stopAll = async () => {
    await orgraph.stop();
    await emulators.stop();
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));

  try {
    const ids = await collectIds(orgraph.url);
    const operations = workload(ids);
    const totalWeight = operations.reduce((sum, o) => sum + o.weight, 0);
    const pick = () => {
      let r = Math.random() * totalWeight;
      for (const operation of operations) if ((r -= operation.weight) < 0) return operation;
      return operations[operations.length - 1];
    };
    setFaults(emulators, settings.faultRate);

    const totals = new Map<string, number>();
    let interval = new Map<string, number>();
    const failures = new Map<string, number>();
    const latencies: number[] = [];
    const rss: Array<{ minutes: number; mb: number }> = [];
    let requests = 0;
    let intervalRequests = 0;
    const upstream = { calls: 0, refused: 0 };

    const started = Date.now();
    const deadline = started + durationMs;
    const sampleRss = () =>
      rss.push({ minutes: (Date.now() - started) / 60_000, mb: rssMb(orgraph.pid) });
    sampleRss();
    const sampler = setInterval(sampleRss, RSS_SAMPLE_EVERY_MS);
    let lastReport = started;
    const reporter = setInterval(() => {
      const now = Date.now();
      const calls = tallyUpstream(emulators);
      upstream.calls += calls.calls;
      upstream.refused += calls.refused;
      console.log(
        `${String(Math.round((now - started) / 1000)).padStart(5)} s  requests ${String(requests).padStart(7)}  ` +
          `${((intervalRequests * 1000) / (now - lastReport)).toFixed(1).padStart(6)} req/s  ` +
          `RSS ${rssMb(orgraph.pid).toFixed(1)} MB  upstream ${calls.calls} (5xx/429 ${calls.refused})  ` +
          `codes ${formatCounts(interval)}`,
      );
      interval = new Map();
      intervalRequests = 0;
      lastReport = now;
    }, REPORT_EVERY_MS);

    await Promise.all(
      Array.from({ length: settings.concurrency }, async () => {
        while (Date.now() < deadline) {
          const operation = pick();
          const outcome = await send(orgraph.url, operation);
          requests += 1;
          intervalRequests += 1;
          latencies.push(outcome.ms);
          for (const code of outcome.codes) {
            totals.set(code, (totals.get(code) ?? 0) + 1);
            interval.set(code, (interval.get(code) ?? 0) + 1);
          }
          if (outcome.failure) {
            const key = `${operation.name}: ${outcome.failure}`;
            if (!failures.has(key)) console.log(`FAILURE ${key}: ${outcome.detail ?? ''}`);
            failures.set(key, (failures.get(key) ?? 0) + 1);
          }
        }
      }),
    );
    clearInterval(sampler);
    clearInterval(reporter);
    sampleRss();
    const elapsedMs = Date.now() - started;
    const last = tallyUpstream(emulators);
    upstream.calls += last.calls;
    upstream.refused += last.refused;

    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(0);
    // The floor of each 15 s (RSS right after a collection): the raw samples swing with V8's
    // collections by 100 MB and more, which a slope over a few minutes would read as growth.
    const secondHalf = floors(rss, FLOOR_BUCKET_MINUTES).filter(
      (s) => s.minutes * 60_000 >= elapsedMs / 2,
    );
    const slope = leastSquaresSlope(secondHalf);
    const failed = [...failures.values()].reduce((sum, n) => sum + n, 0);
    const growing = !(slope <= settings.maxRssSlopeMbPerMinute);

    console.log('');
    console.log(
      `requests ${requests} in ${(elapsedMs / 1000).toFixed(0)} s (${((requests * 1000) / elapsedMs).toFixed(1)} req/s); ` +
        `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
    );
    console.log(`answers by code: ${formatCounts(totals)}`);
    console.log(
      `upstream calls ${upstream.calls}, answered 5xx/429 ${upstream.refused} ` +
        `(${((upstream.refused * 100) / Math.max(1, upstream.calls)).toFixed(1)}%; malformed faults answer 200)`,
    );
    console.log(
      `orgraph RSS: start ${rss[0].mb.toFixed(1)} MB, end ${rss[rss.length - 1].mb.toFixed(1)} MB, ` +
        `max ${Math.max(...rss.map((s) => s.mb)).toFixed(1)} MB; slope of its 15 s floors over the second half ` +
        `(${secondHalf.length} floors) ${slope.toFixed(2)} MB/min, limit ${settings.maxRssSlopeMbPerMinute} MB/min`,
    );
    if (failed > 0) {
      console.log(`malformed or unexpected answers: ${failed}`);
      for (const [key, n] of failures) console.log(`  ${n} x ${key}`);
    }
    const pass = failed === 0 && !growing;
    console.log(
      pass
        ? 'PASS'
        : `FAIL:${failed > 0 ? ` ${failed} malformed or unexpected answers;` : ''}${growing ? ' RSS still growing;' : ''}`,
    );
    process.exitCode = pass ? 0 : 1;
  } finally {
    await stopAll();
  }
}

function orgraphEnv(emulators: RunningEmulators): Record<string, string> {
  return {
    ...emulatorEnv(emulators),
    ORGRAPH_CACHE_FRESH_SECONDS: CACHE_FRESH_SECONDS,
    ORGRAPH_GRAPHIQL: 'false',
    // info: orgraph announces its address at info level, and logs each request as in production.
    LOG_LEVEL: 'info',
  };
}

/**
 * Each fault in its turn gets the calls the ones before it spared, so its own probability is its
 * share of what is left: together they fault `rate` of all calls.
 */
function setFaults(emulators: RunningEmulators, rate: number): void {
  let left = 1;
  const faults = FAULT_MIX.map(({ share, fault }) => {
    const probability = left > 0 ? (share * rate) / left : 0;
    left -= share * rate;
    return { ...fault, probability };
  });
  for (const emulator of [emulators.crux, emulators.auth0, emulators.datadog]) {
    emulator.setKnobs({ faults });
    emulator.counter.reset();
  }
}

/** Upstream calls since the last tally, and how many of them the emulators answered 5xx or 429. */
function tallyUpstream(emulators: RunningEmulators): { calls: number; refused: number } {
  let calls = 0;
  let refused = 0;
  for (const emulator of [emulators.crux, emulators.auth0, emulators.datadog]) {
    for (const request of emulator.counter.requests()) {
      calls += 1;
      if (request.status === 429 || request.status >= 500) refused += 1;
    }
    // The counter keeps every request; emptied here so the soak's own memory stays flat.
    emulator.counter.reset();
  }
  return { calls, refused };
}

interface Ids {
  Organization: string[];
  Connection: string[];
  User: string[];
  Permission: string[];
}

/** Global IDs of every kind for node lookups, read before any fault is set. */
async function collectIds(url: string): Promise<Ids> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{
        organizations(limit: 500) { items { id } }
        connections(limit: 500) { items { id } }
        users(limit: 500) { items { id } }
        permissions(limit: 500) { items { id } }
      }`,
    }),
  });
  const body = (await response.json()) as {
    data?: Record<string, { items: Array<{ id: string }> }>;
    errors?: unknown[];
  };
  if (!body.data || body.errors?.length) {
    throw new Error(`soak: reading IDs failed: ${JSON.stringify(body.errors)}`);
  }
  const of = (field: string) => body.data![field].items.map((item) => item.id);
  return {
    Organization: of('organizations'),
    Connection: of('connections'),
    User: of('users'),
    Permission: of('permissions'),
  };
}

function workload(ids: Ids): Operation[] {
  const examples = loadGraphiQLExamples(path.join(__dirname, '..', 'src', 'graphiql', 'examples'));
  const all = [...ids.Organization, ...ids.Connection, ...ids.User, ...ids.Permission];
  const anyId = () => all[Math.floor(Math.random() * all.length)];
  const offset = (max: number) => Math.floor(Math.random() * max);
  const nodeFields = `id provider nativeId
    ... on Organization { name connections(limit: 3) { totalCount items { kind } } }
    ... on Connection { kind organizations { name } }
    ... on User { userName: name email organizations { name } }
    ... on Permission { name users { userName: name } }`;
  return [
    // The GraphiQL examples: a list of each provider, organizations → connections →
    // organizations, users → permissions → users.
    ...examples.map((example) => ({
      name: example.name,
      weight: 10,
      build: () => ({
        query: example.query,
        variables: example.variables
          ? (JSON.parse(example.variables) as Record<string, unknown>)
          : undefined,
      }),
    })),
    {
      name: 'organizations page',
      weight: 10,
      build: () => ({
        query: `query Page($offset: Int!) { organizations(limit: 5, offset: $offset) {
          totalCount hasNextPage offset items { id provider name } } }`,
        variables: { offset: offset(40) },
      }),
    },
    {
      name: 'connections page, deep',
      weight: 8,
      build: () => ({
        query: `query Deep($offset: Int!) { connections(limit: 4, offset: $offset) { totalCount items {
          kind organizations { name connections(limit: 3) { items { kind organizations { name users(limit: 2) { items { name } } } } } } } } }`,
        variables: { offset: offset(30) },
      }),
    },
    {
      name: 'permissions with users',
      weight: 6,
      build: () => ({
        query: `query Perms($offset: Int!) { permissions(limit: 10, offset: $offset) { totalCount items {
          provider name users { name permissions { name } } } } }`,
        variables: { offset: offset(20) },
      }),
    },
    {
      name: 'node',
      weight: 10,
      build: () => ({
        query: `query Node($id: ID!) { node(id: $id) { ${nodeFields} } }`,
        variables: { id: anyId() },
      }),
    },
    {
      name: 'nodes',
      weight: 6,
      build: () => ({
        query: `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { ${nodeFields} } }`,
        variables: { ids: Array.from({ length: 5 }, anyId) },
      }),
    },
    {
      name: 'node not found',
      weight: 2,
      build: () => ({
        query: `query Missing($id: ID!) { node(id: $id) { id } }`,
        variables: {
          id: encodeGlobalId(
            'Organization',
            Provider.DATADOG,
            '00000000-0000-4000-8000-000000000000',
          ),
        },
      }),
    },
    {
      name: 'invalid: syntax',
      weight: 1,
      refusedWith: 'GRAPHQL_PARSE_FAILED',
      build: () => ({ query: '{ organizations(limit: 5 { items { id } } }' }),
    },
    {
      name: 'invalid: unknown field',
      weight: 1,
      refusedWith: 'GRAPHQL_VALIDATION_FAILED',
      build: () => ({ query: '{ organizations { items { nickname } } }' }),
    },
    {
      name: 'invalid: limit out of range',
      weight: 1,
      refusedWith: 'BAD_USER_INPUT',
      build: () => ({ query: '{ users(limit: 501) { totalCount } }' }),
    },
    {
      name: 'invalid: malformed ID',
      weight: 1,
      refusedWith: 'BAD_USER_INPUT',
      build: () => ({ query: '{ node(id: "not an id!") { id } }' }),
    },
    {
      name: 'invalid: too deep',
      weight: 1,
      refusedWith: 'GRAPHQL_VALIDATION_FAILED',
      build: () => ({
        query: `{ organizations { items { ${'connections { items { organizations { '.repeat(6)}name${' } } }'.repeat(6)} } } }`,
      }),
    },
  ];
}

async function send(url: string, operation: Operation): Promise<Outcome> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (Math.random() < NO_CACHE_SHARE) headers['cache-control'] = 'no-cache';
  const t = performance.now();
  let text: string;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(operation.build()),
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : 'error';
    return {
      codes: ['(no answer)'],
      failure:
        name === 'TimeoutError'
          ? `no answer in ${ANSWER_TIMEOUT_MS} ms`
          : `transport: ${String(error)}`,
      ms: performance.now() - t,
    };
  }
  const ms = performance.now() - t;
  const outcome = judge(text, operation);
  if (!outcome.failure && ms > REQUEST_DEADLINE_MS + LATE_MARGIN_MS) {
    return { ...outcome, ms, failure: `answered after ${Math.round(ms)} ms, past the deadline` };
  }
  return outcome.failure ? { ...outcome, ms, detail: text.slice(0, 300) } : { ...outcome, ms };
}

/** What the answer says, and whether it is malformed or not the answer the operation should get. */
function judge(text: string, operation: Operation): Omit<Outcome, 'ms'> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { codes: ['(malformed)'], failure: 'not JSON' };
  }
  if (typeof body !== 'object' || body === null) {
    return { codes: ['(malformed)'], failure: 'not a JSON object' };
  }
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  const errorList = Array.isArray(errors) ? errors : [];
  if (data === undefined && errorList.length === 0) {
    return { codes: ['(malformed)'], failure: 'neither data nor errors' };
  }
  const codes = new Set<string>();
  for (const error of errorList) {
    const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    if (typeof code !== 'string') {
      return { codes: ['(malformed)'], failure: 'an error without extensions.code' };
    }
    codes.add(code);
  }
  const list = codes.size ? [...codes] : ['OK'];
  if (codes.has('INTERNAL_SERVER_ERROR')) return { codes: list, failure: 'INTERNAL_SERVER_ERROR' };
  if (operation.refusedWith && !codes.has(operation.refusedWith)) {
    return {
      codes: list,
      failure: `not refused with ${operation.refusedWith} (${list.join(', ')})`,
    };
  }
  if (!operation.refusedWith) {
    const refused = list.filter((code) => INPUT_CODES.has(code));
    if (refused.length)
      return { codes: list, failure: `refused as invalid (${refused.join(', ')})` };
  }
  return { codes: list };
}

/** VmRSS of a process from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!kb) throw new Error(`soak: no VmRSS in /proc/${pid}/status`);
  return Number(kb[1]) / 1024;
}

/** MB per minute; NaN with fewer than two samples. */
/** The lowest sample of each bucket of `bucketMinutes`, at the bucket's middle. */
function floors(
  samples: Array<{ minutes: number; mb: number }>,
  bucketMinutes: number,
): Array<{ minutes: number; mb: number }> {
  const lowest = new Map<number, number>();
  for (const s of samples) {
    const bucket = Math.floor(s.minutes / bucketMinutes);
    lowest.set(bucket, Math.min(lowest.get(bucket) ?? Infinity, s.mb));
  }
  return [...lowest.entries()].map(([bucket, mb]) => ({
    minutes: (bucket + 0.5) * bucketMinutes,
    mb,
  }));
}

function leastSquaresSlope(samples: Array<{ minutes: number; mb: number }>): number {
  const n = samples.length;
  if (n < 2) return Number.NaN;
  const meanX = samples.reduce((sum, s) => sum + s.minutes, 0) / n;
  const meanY = samples.reduce((sum, s) => sum + s.mb, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.minutes - meanX) * (s.mb - meanY);
    den += (s.minutes - meanX) ** 2;
  }
  return num / den;
}

function formatCounts(counts: Map<string, number>): string {
  if (counts.size === 0) return '-';
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
}

function describeFault(fault: Fault): string {
  return fault.status !== undefined ? String(fault.status) : `${fault.malformed} JSON`;
}

function numberFrom(
  name: string,
  fallback: number,
  min: number,
  max: number,
  whole = false,
): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (whole && !Number.isInteger(value))
  ) {
    console.error(`soak: ${name} must be a ${whole ? 'whole ' : ''}number from ${min} to ${max}`);
    process.exit(2);
  }
  return value;
}

main().then(
  // Exit now: an idle keep-alive socket would otherwise hold the process for a few seconds more.
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error('soak failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
