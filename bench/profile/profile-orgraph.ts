/**
 * A scratch profiler for orgraph's own cost: not the benchmark (`npm run bench` is), but a quick loop for
 * one change at a time. It starts the emulators in this process, orgraph as built (`npm run build`
 * first) as a child in production mode, and drives bench/queries/*.graphql at it with autocannon.
 *
 *   npx ts-node --transpile-only bench/profile/profile-orgraph.ts [options]
 *     --size 12|2000        organizations per provider (default 12)
 *     --latency 0|20        added upstream latency in ms (default 20)
 *     --queries deep,mixed  which queries (default: all but full-listing)
 *     --conc 1,8,32         concurrencies (default 1,8,32)
 *     --seconds 4           per measurement (default 4)
 *     --warmup 2            unmeasured load first, at concurrency 8, so JIT warm-up is not counted
 *     --cache on|off        ORGRAPH_CACHE (default off)
 *     --memory              instead: 8 concurrent full listings (size 2000 unless given), peak RSS
 *     --answers DIR         write each query's answer there, or compare with what is there already
 *     --cpu-prof DIR        run orgraph under `node --cpu-prof` (the profile is written on exit)
 *     --node-args "..."     more node flags for orgraph (e.g. --max-old-space-size=256)
 *     --root DIR            run the orgraph built in DIR (another checkout, for before/after)
 *     --child-env "K=V ..."  more environment for orgraph (e.g. MALLOC_ARENA_MAX=2)
 *     --log FILE            orgraph's stdout (its log, --trace-gc lines) into FILE instead of nowhere
 *
 * Per query and concurrency it prints req/s, p50/p99 latency, orgraph's CPU ms per request (utime +
 * stime from /proc/<pid>/stat) and its peak RSS (VmHWM from /proc/<pid>/status); per query the
 * upstream calls of one cold request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { startEmulators, type RunningEmulators } from '../../src/emulators/start-emulators';

const ROOT = path.resolve(__dirname, '../..');
const QUERIES = path.join(ROOT, 'bench/queries');
const CLOCK_TICKS_PER_SECOND = 100;

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return undefined;
  const value = process.argv[index + 1];
  // --node-args takes flags as its value.
  return value === undefined || (value.startsWith('--') && name !== 'node-args') ? '' : value;
}

const memoryMode = option('memory') !== undefined;
const size = Number(option('size') ?? (memoryMode ? 2000 : 12));
const latencyMs = Number(option('latency') ?? 20);
const concurrencies = (option('conc') ?? '1,8,32').split(',').map(Number);
const seconds = Number(option('seconds') ?? 4);
const warmupSeconds = Number(option('warmup') ?? 2);
const cache = option('cache') ?? 'off';
const answersDir = option('answers');
const cpuProfDir = option('cpu-prof');
const nodeArgs = (option('node-args') ?? '').split(' ').filter(Boolean);
const chosen = option('queries')?.split(',');
const logFile = option('log');
const orgraphRoot = option('root') ?? ROOT;
const childEnv = Object.fromEntries(
  (option('child-env') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((pair) => pair.split('=') as [string, string]),
);

function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function memoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function startOrgraph(emulators: RunningEmulators, port: number): Promise<ChildProcess> {
  const flags = [...nodeArgs];
  if (cpuProfDir !== undefined) flags.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`);
  const child = spawn('node', [...flags, 'dist/src/main.js'], {
    cwd: orgraphRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      CRUX_API_URL: emulators.crux.url,
      CRUX_API_TOKEN: emulators.crux.firstTenant.credentials.token,
      AUTH0_API_URL: `${emulators.auth0.url}/api/v2`,
      AUTH0_TOKEN: emulators.auth0.firstTenant.credentials.token,
      DATADOG_API_URL: emulators.datadog.url,
      DD_API_KEY: emulators.datadog.firstTenant.credentials.apiKey,
      DD_APP_KEY: emulators.datadog.firstTenant.credentials.appKey,
      ORGRAPH_CACHE: cache === 'on' ? 'true' : 'false',
      ORGRAPH_REQUEST_CALL_BUDGET: '10000',
      ...childEnv,
    },
  });
  // Its log lines are read (into a file, or dropped), as a log collector would.
  if (logFile) child.stdout.pipe(fs.createWriteStream(logFile, { flags: 'a' }));
  else child.stdout.resume();
  for (let tries = 0; tries < 200; tries += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('orgraph did not start');
}

async function stopOrgraph(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface GraphQLBody<T = unknown> {
  data?: T;
  errors?: unknown;
}

type Ids = Record<'c' | 'a' | 'd', { items: Array<{ id: string }> }>;

async function gql<T = unknown>(
  url: string,
  query: string,
  variables?: unknown,
): Promise<GraphQLBody<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLBody<T>;
}

/** The harness's variables for nodes-50 and entities-100, picked from orgraph itself. */
async function variablesFor(name: string, url: string): Promise<unknown> {
  const ids = async (q: string): Promise<Ids> => (await gql<Ids>(url, q)).data!;
  if (name.startsWith('nodes')) {
    const d = await ids(
      `{ c: organizations(filter:{providers:[CRUX]}, limit: 20){items{id}} a: organizations(filter:{providers:[AUTH0]}, limit: 20){items{id}} d: connections(filter:{providers:[DATADOG]}, limit: 10){items{id}} }`,
    );
    return { ids: [...d.c.items, ...d.a.items, ...d.d.items].map((x) => x.id) };
  }
  if (name.startsWith('entities')) {
    const d = await ids(
      `{ c: organizations(filter:{providers:[CRUX]}, limit: 40){items{id}} a: organizations(filter:{providers:[AUTH0]}, limit: 40){items{id}} d: organizations(filter:{providers:[DATADOG]}, limit: 20){items{id}} }`,
    );
    return {
      representations: [...d.c.items, ...d.a.items, ...d.d.items].map((x) => ({
        __typename: 'Organization',
        id: x.id,
      })),
    };
  }
  if (name.startsWith('walk')) return { offset: 0 };
  return undefined;
}

/** One walk: every page of walk-pages. */
async function walk(url: string, query: string): Promise<unknown[]> {
  const pages: unknown[] = [];
  for (let offset = 0; ; offset += 500) {
    const body = await gql<{ connections?: { hasNextPage?: boolean } }>(url, query, { offset });
    pages.push(body.data);
    if (!body.data?.connections?.hasNextPage) return pages;
  }
}

function upstreamCalls(emulators: RunningEmulators): number {
  return [emulators.crux, emulators.auth0, emulators.datadog]
    .map((e) => e.counter.count())
    .reduce((a, b) => a + b, 0);
}

async function measureWalk(url: string, query: string, connections: number) {
  const until = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const started = performance.now();
        await walk(url, query);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: latencies[Math.floor(latencies.length / 2)] ?? 0,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    errors: 0,
  };
}

async function measure(
  url: string,
  query: string,
  variables: unknown,
  connections: number,
  duration = seconds,
) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    connections,
    duration,
  });
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

function queryFiles(): string[] {
  return fs
    .readdirSync(QUERIES)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => f.replace(/\.graphql$/, ''))
    .filter((name) => (chosen ? chosen.includes(name) : name !== 'full-listing'));
}

function checkAnswer(name: string, answer: unknown): string {
  if (answersDir === undefined) return '';
  fs.mkdirSync(answersDir, { recursive: true });
  const file = path.join(answersDir, `${name}-${size}.json`);
  const text = JSON.stringify(answer);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, text);
    return 'answer saved';
  }
  return fs.readFileSync(file, 'utf8') === text ? 'answer same' : 'ANSWER DIFFERS';
}

async function throughput(emulators: RunningEmulators, port: number): Promise<void> {
  const url = `http://127.0.0.1:${port}/graphql`;
  console.log(
    `size ${size}, latency ${latencyMs} ms, cache ${cache}, ${seconds} s per measurement\n` +
      'query                    conc   req/s    p50    p99  cpu ms/req  rss MB  errors',
  );
  for (const name of queryFiles()) {
    const query = fs.readFileSync(path.join(QUERIES, `${name}.graphql`), 'utf8');
    const child = await startOrgraph(emulators, port);
    const pid = child.pid!;
    try {
      const variables = await variablesFor(name, url);
      emulators.reset();
      emulators.crux.setKnobs({ latencyMs });
      emulators.auth0.setKnobs({ latencyMs });
      emulators.datadog.setKnobs({ latencyMs });
      const before = upstreamCalls(emulators);
      const answer = name.startsWith('walk')
        ? await walk(url, query)
        : await gql(url, query, variables).then((body) => ({
            data: body.data,
            errors: body.errors,
          }));
      const calls = upstreamCalls(emulators) - before;
      console.log(`${name}: ${calls} upstream calls cold; ${checkAnswer(name, answer)}`);
      if (warmupSeconds > 0 && !name.startsWith('walk')) {
        await measure(url, query, variables, 8, warmupSeconds);
      }
      for (const connections of concurrencies) {
        const cpuBefore = cpuMs(pid);
        const result = name.startsWith('walk')
          ? await measureWalk(url, query, connections)
          : await measure(url, query, variables, connections);
        const cpuPerRequest = (cpuMs(pid) - cpuBefore) / Math.max(1, result.requests);
        console.log(
          `${name.padEnd(24)} ${String(connections).padStart(4)} ${result.rps.toFixed(1).padStart(7)} ` +
            `${result.p50.toFixed(1).padStart(6)} ${result.p99.toFixed(1).padStart(6)} ` +
            `${cpuPerRequest.toFixed(2).padStart(11)} ${String(memoryMb(pid, 'VmHWM')).padStart(7)} ` +
            `${String(result.errors).padStart(7)}`,
        );
      }
    } finally {
      await stopOrgraph(child);
    }
  }
}

async function memory(emulators: RunningEmulators, port: number): Promise<void> {
  const url = `http://127.0.0.1:${port}/graphql`;
  const query = fs.readFileSync(path.join(QUERIES, 'full-listing.graphql'), 'utf8');
  emulators.crux.setKnobs({ latencyMs });
  emulators.auth0.setKnobs({ latencyMs });
  emulators.datadog.setKnobs({ latencyMs });
  const child = await startOrgraph(emulators, port);
  const pid = child.pid!;
  try {
    const idle = memoryMb(pid, 'VmHWM');
    const body = await gql(url, query);
    console.log(`full-listing: errors ${JSON.stringify(body.errors ?? null).slice(0, 300)}`);
    console.log(checkAnswer('full-listing', { data: body.data, errors: body.errors }));
    const cpuBefore = cpuMs(pid);
    const result = await measure(url, query, undefined, 8);
    const cpuPerRequest = (cpuMs(pid) - cpuBefore) / Math.max(1, result.requests);
    console.log(
      `size ${size}, cache ${cache}, 8 concurrent full listings for ${seconds} s: ${result.requests} requests, ` +
        `${result.rps.toFixed(1)} req/s, p50 ${result.p50} ms, cpu ${cpuPerRequest.toFixed(1)} ms/req, ` +
        `errors ${result.errors}; RSS idle ${idle} MB, peak ${memoryMb(pid, 'VmHWM')} MB, now ${memoryMb(pid, 'VmRSS')} MB`,
    );
  } finally {
    await stopOrgraph(child);
  }
}

async function main(): Promise<void> {
  const emulators = await startEmulators({ size });
  const port = 4300 + Math.floor(Math.random() * 500);
  try {
    if (memoryMode) await memory(emulators, port);
    else await throughput(emulators, port);
  } finally {
    await emulators.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
