import { expect } from '@jest/globals';
import type { Config } from '../../src/config/config.type';
import type { RunningEmulators } from '../../src/emulators/start-emulators';
import type { MemorySharedStore } from '../../src/shared-store/memory-shared-store';
import type { UpstreamReport } from '../../src/upstream/upstream-stats';
import {
  startTestStack,
  upstreamCalls,
  type GraphQLResponse,
  type TestStack,
} from '../support/test-stack';

/**
 * The cache across requests, over HTTP against the emulators: what a repeated, concurrent, stale,
 * refused or failing read costs upstream, counted by the emulators and reported to the caller in
 * `extensions.upstream`. In-memory store throughout (isolation.test.ts runs Redis).
 */

/** All three providers: organizations and every connection (Auth0's are listed per organization, so
 * at the default size of 12 this is some 16 distinct reads). */
const ALL = `{
  organizations(limit: 500) { totalCount items { id name } }
  connections(limit: 500) { totalCount items { id kind } } }`;
const DATADOG_CONNECTIONS = `{
  connections(filter: { providers: [DATADOG] }, limit: 500) { totalCount items { id } } }`;

/** A list field selected as `{ totalCount items { id } }`. */
interface IdList {
  totalCount: number;
  items: Array<{ id: string }>;
}

const TOKEN_ROUTE = 'POST /oauth/token';

function upstreamOf(result: GraphQLResponse<unknown>): UpstreamReport {
  return result.extensions?.['upstream'] as UpstreamReport;
}

/** Every provider request since the last reset, as `provider METHOD url` (token grants left out). */
function requested(emulators: RunningEmulators): string[] {
  const { crux, auth0, datadog } = emulators;
  return Object.entries({ crux, auth0, datadog }).flatMap(([name, emulator]) =>
    emulator.counter
      .requests()
      .filter((r) => r.route !== TOKEN_ROUTE)
      .map((r) => `${name} ${r.method} ${r.url}`),
  );
}

function countBy(items: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 50 ms until it holds; fails after `withinMs`. */
async function until(check: () => boolean | Promise<boolean>, withinMs: number, what: string) {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms: ${what}`);
    await sleep(50);
  }
}

function setLatency(emulators: RunningEmulators, latencyMs: number): void {
  for (const emulator of [emulators.crux, emulators.auth0, emulators.datadog]) {
    emulator.setKnobs({ latencyMs });
  }
}

const freshFor = (seconds: number) => ({ CRUX: seconds, AUTH0: seconds, DATADOG: seconds });

/** A stack whose server already holds its Auth0 token (fetched once per process), cache cold. */
async function startStack(
  options: Parameters<typeof startTestStack>[0] & { cache?: Partial<Config['cache']> } = {},
): Promise<TestStack> {
  const { cache, ...rest } = options;
  const stack = await startTestStack({
    ...rest,
    configure: (config) => {
      const configured = rest.configure ? rest.configure(config) : config;
      return { ...configured, cache: { ...configured.cache, ...cache } };
    },
  });
  await stack.query('{ organizations(filter: { providers: [AUTH0] }, limit: 1) { totalCount } }');
  await stack.reset();
  return stack;
}

/** A query that must succeed: no errors, status 200, and its data. */
async function ok<T = unknown>(
  stack: TestStack,
  query: string,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<T> & { data: T }> {
  const result = await stack.query<T>(query, undefined, headers);
  expect(result.errors).toBeUndefined();
  expect(result.status).toBe(200);
  if (result.data == null) throw new Error('a successful answer without data');
  return { ...result, data: result.data };
}

describe('the cross-request cache (in-memory store)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());
  beforeEach(() => stack.reset());

  it('answers a repeated query with 0 upstream calls, and says so in extensions.upstream', async () => {
    const first = await ok(stack, ALL);
    const firstCalls = upstreamCalls(stack.emulators).total;
    expect(firstCalls).toBeGreaterThanOrEqual(15);
    // Each read went upstream once: the report counts exactly what the providers saw.
    expect(upstreamOf(first)).toEqual({
      calls: firstCalls,
      cache: { hits: 0, misses: firstCalls },
      dataAgeSeconds: 0,
      stale: false,
    });

    stack.emulators.reset();
    const second = await ok(stack, ALL);
    expect(second.data).toEqual(first.data);
    expect(upstreamCalls(stack.emulators).total).toBe(0);
    expect(upstreamOf(second)).toEqual({
      calls: 0,
      cache: { hits: firstCalls, misses: 0 },
      dataAgeSeconds: expect.any(Number),
      stale: false,
    });
  });

  it('makes one set of calls for 10 identical queries arriving together (single-flight)', async () => {
    const one = await ok(stack, ALL);
    const ofOneQuery = countBy(requested(stack.emulators));
    await stack.reset();

    // Slow providers: every query is in flight while the others arrive.
    setLatency(stack.emulators, 200);
    const results = await Promise.all(Array.from({ length: 10 }, () => ok(stack, ALL)));
    for (const result of results) expect(result.data).toEqual(one.data);
    expect(countBy(requested(stack.emulators))).toEqual(ofOneQuery);
    // Each call is reported by the request that made it, none twice; the others waited on it (a
    // read that went upstream, at no call of their own) rather than finding it cached.
    const reported = results.reduce((sum, r) => sum + upstreamOf(r).calls, 0);
    expect(reported).toBe(upstreamCalls(stack.emulators).total);
    const joined = results.filter(
      (r) => upstreamOf(r).calls === 0 && upstreamOf(r).cache.misses > 0,
    );
    expect(joined.length).toBeGreaterThan(0);
  });

  it('reads fresh for `Cache-Control: no-cache`, and refreshes the entry for everyone', async () => {
    const cold = await ok(stack, ALL);
    const ofOneQuery = countBy(requested(stack.emulators));
    stack.emulators.reset();
    const noCache = await ok(stack, ALL, { 'cache-control': 'no-cache' });
    expect(noCache.data).toEqual(cold.data);
    expect(countBy(requested(stack.emulators))).toEqual(ofOneQuery);
    expect(upstreamOf(noCache)).toMatchObject({
      calls: upstreamCalls(stack.emulators).total,
      cache: { hits: 0 },
    });

    // A connection created at Datadog behind orgraph's back: a cached read does not see it, a
    // no-cache read does, and stores it for the next caller.
    const before = await ok<{ connections: IdList }>(stack, DATADOG_CONNECTIONS);
    const created = await createDatadogConnection(stack.emulators);
    try {
      stack.emulators.reset();
      const cached = await ok<{ connections: IdList }>(stack, DATADOG_CONNECTIONS);
      expect(cached.data.connections.totalCount).toBe(before.data.connections.totalCount);
      expect(upstreamCalls(stack.emulators).total).toBe(0);

      const fresh = await ok<{ connections: IdList }>(stack, DATADOG_CONNECTIONS, {
        'Cache-Control': 'no-cache',
      });
      expect(fresh.data.connections.totalCount).toBe(before.data.connections.totalCount + 1);
      expect(upstreamCalls(stack.emulators).datadog).toEqual({ 'GET /api/v2/org_connections': 1 });
      expect(upstreamOf(fresh)).toMatchObject({ calls: 1, cache: { hits: 0, misses: 1 } });

      stack.emulators.reset();
      const after = await ok(stack, DATADOG_CONNECTIONS);
      expect(after.data).toEqual(fresh.data);
      expect(upstreamCalls(stack.emulators).total).toBe(0);
      expect(upstreamOf(after)).toMatchObject({ calls: 0, cache: { hits: 1, misses: 0 } });
    } finally {
      await deleteDatadogConnection(stack.emulators, created);
    }
  });

  it('never caches a failed read: after a 503 the next query asks again and succeeds', async () => {
    const route = 'GET /api/v2/org_connections';
    // 3 attempts (1 + 2 retries) all answer 503.
    stack.emulators.datadog.setKnobs({ faults: [{ route, status: 503, times: 3 }] });
    const failed = await stack.query<{ connections: IdList }>(DATADOG_CONNECTIONS);
    expect(failed.errors?.map((e) => e.extensions?.['code'])).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(stack.emulators.datadog.counter.count(route)).toBe(3);

    const next = await ok<{ connections: IdList }>(stack, DATADOG_CONNECTIONS);
    expect(next.data.connections.totalCount).toBeGreaterThan(0);
    expect(stack.emulators.datadog.counter.count(route)).toBe(4);
    expect(upstreamOf(next)).toMatchObject({ calls: 1, cache: { hits: 0, misses: 1 } });
  });

  it("never caches a partial list: only the failed organization's members are asked again", async () => {
    const { auth0 } = stack.emulators;
    const [orgId] = Object.entries(auth0.data.memberships).find(([, m]) => m.length > 0)!;
    const membersPath = `/api/v2/organizations/${orgId}/members`;
    const USERS = `{ users(filter: { providers: [AUTH0] }, limit: 500) { totalCount items { id } } }`;

    auth0.setKnobs({ faults: [{ path: membersPath, status: 503 }] });
    const partial = await stack.query<{ users: IdList }>(USERS);
    expect(partial.errors?.map((e) => e.extensions?.['code'])).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(partial.data!.users.totalCount).toBeNull();
    const withoutOne = partial.data!.users.items.length;

    stack.emulators.reset();
    const whole = await ok<{ users: IdList }>(stack, USERS);
    expect(whole.data.users.totalCount).toBe(withoutOne + auth0.data.memberships[orgId].length);
    // The listing and the other organizations' members came from the cache.
    const urls = auth0.counter.requests().map((r) => r.url);
    expect(urls).toHaveLength(1);
    expect(urls[0].startsWith(`${membersPath}?`)).toBe(true);
    expect(upstreamCalls(stack.emulators).total).toBe(1);
  });
});

describe('stale-while-revalidate', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // 2 s fresh, then served stale while one refresh runs (300 s by default).
    stack = await startStack({ cache: { freshSeconds: freshFor(2) } });
  });
  afterAll(() => stack?.stop());

  it('serves stale data at once to every caller while one refresh per resource runs', async () => {
    const first = await ok(stack, ALL);
    const resources = countBy(requested(stack.emulators));
    expect(Object.values(resources).every((count) => count === 1)).toBe(true);
    await sleep(2_200);

    // Refreshes now take 2 s: an answer that waited for one could not come sooner.
    stack.emulators.reset();
    setLatency(stack.emulators, 2_000);
    const started = Date.now();
    const stale = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const result = await ok(stack, ALL);
        return { result, ms: Date.now() - started };
      }),
    );
    for (const { result, ms } of stale) {
      expect(ms).toBeLessThan(1_500);
      expect(result.data).toEqual(first.data);
      expect(upstreamOf(result)).toMatchObject({ calls: 0, cache: { misses: 0 }, stale: true });
      expect(upstreamOf(result).dataAgeSeconds).toBeGreaterThanOrEqual(2);
      expect(upstreamOf(result).staleProviders).toBeUndefined();
    }

    // Each resource is asked for once, in the background; until the refreshes land, answers stay
    // stale (and start no other refresh); then they are fresh.
    await until(
      () => requested(stack.emulators).length >= Object.keys(resources).length,
      10_000,
      'every resource refreshed',
    );
    let latest: GraphQLResponse<unknown> | undefined;
    await until(
      async () => {
        latest = await ok(stack, ALL);
        return !upstreamOf(latest).stale;
      },
      10_000,
      'a fresh answer',
    );
    expect(latest!.data).toEqual(first.data);
    expect(upstreamOf(latest!)).toMatchObject({ calls: 0, cache: { misses: 0 }, stale: false });
    expect(upstreamOf(latest!).dataAgeSeconds).toBeLessThan(2);
    await sleep(300);
    expect(countBy(requested(stack.emulators))).toEqual(resources);
  });
});

describe('paging through a large list', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // 600 organizations per provider: Auth0 serves them in pages of 100.
    stack = await startStack({ emulators: { size: 600 } });
  });
  afterAll(() => stack?.stop());

  it('fetches each upstream page once over the whole walk', async () => {
    const ids: string[] = [];
    let totalCount: number | undefined;
    let pages = 0;
    for (let offset = 0; ; offset += 100) {
      const page = await stack.query<{ organizations: IdList & { hasNextPage: boolean } }>(
        `query($offset: Int!) { organizations(offset: $offset, limit: 100) {
          totalCount hasNextPage items { id } } }`,
        { offset },
      );
      expect(page.errors).toBeUndefined();
      const { organizations } = page.data!;
      totalCount ??= organizations.totalCount;
      expect(organizations.totalCount).toBe(totalCount);
      ids.push(...organizations.items.map((o) => o.id));
      pages += 1;
      if (!organizations.hasNextPage) break;
      expect(pages).toBeLessThan(100);
    }
    expect(totalCount).toBeGreaterThan(1_000);
    expect(pages).toBe(Math.ceil(totalCount / 100));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(totalCount);

    const urls = requested(stack.emulators);
    expect(Object.entries(countBy(urls)).filter(([, count]) => count > 1)).toEqual([]);
    // Several Auth0 pages, each fetched by one request of the walk only.
    expect(urls.filter((u) => u.startsWith('auth0 ')).length).toBeGreaterThanOrEqual(6);
  });
});

describe('with the cache off (ORGRAPH_CACHE=false)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack({ cache: { enabled: false } });
  });
  afterAll(() => stack?.stop());

  it('a repeated query costs the same calls again', async () => {
    const first = await ok(stack, ALL);
    const ofOneQuery = countBy(requested(stack.emulators));
    expect(upstreamOf(first).calls).toBe(upstreamCalls(stack.emulators).total);
    stack.emulators.reset();
    const second = await ok(stack, ALL);
    expect(second.data).toEqual(first.data);
    expect(countBy(requested(stack.emulators))).toEqual(ofOneQuery);
    expect(upstreamOf(second)).toMatchObject({
      calls: upstreamCalls(stack.emulators).total,
      cache: { hits: 0 },
    });
  });
});

describe('stale-if-error', () => {
  let stack: TestStack;
  let shortLived: TestStack;

  beforeAll(async () => {
    // 1 s fresh, no stale-while-revalidate beyond it: past 1 s only a failing provider gets stale data.
    [stack, shortLived] = await Promise.all([
      startStack({
        cache: { freshSeconds: freshFor(1), staleWhileRevalidateSeconds: 1, maxAgeSeconds: 3_600 },
      }),
      startStack({
        cache: { freshSeconds: freshFor(1), staleWhileRevalidateSeconds: 1, maxAgeSeconds: 2 },
      }),
    ]);
  });
  afterAll(() => Promise.all([stack?.stop(), shortLived?.stop()]));

  it('serves the last good data, marked stale, while the provider fails', async () => {
    const first = await ok(stack, DATADOG_CONNECTIONS);
    await sleep(1_200);
    stack.emulators.reset();
    stack.emulators.datadog.setKnobs({ faults: [{ status: 503 }] });

    const result = await ok(stack, DATADOG_CONNECTIONS);
    expect(result.data).toEqual(first.data);
    expect(upstreamOf(result)).toMatchObject({
      stale: true,
      staleProviders: ['DATADOG'],
      calls: 3,
      cache: { hits: 1, misses: 0 },
    });
    expect(upstreamOf(result).dataAgeSeconds).toBeGreaterThanOrEqual(1);
    // It did try: one call and two retries.
    expect(upstreamCalls(stack.emulators).datadog).toEqual({ 'GET /api/v2/org_connections': 3 });
  });

  it('never serves data past its max age: the failure is reported instead', async () => {
    await ok(shortLived, DATADOG_CONNECTIONS);
    await sleep(2_200);
    shortLived.emulators.reset();
    shortLived.emulators.datadog.setKnobs({ faults: [{ status: 503 }] });

    const result = await shortLived.query<{ connections: IdList }>(DATADOG_CONNECTIONS);
    expect(result.errors?.map((e) => e.extensions?.['code'])).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(result.errors?.[0]?.extensions?.['provider']).toBe('DATADOG');
    expect(upstreamOf(result)).toMatchObject({ stale: false, calls: 3 });
  });
});

describe('the memory bound', () => {
  const maxBytes = 200 * 1024;
  let stack: TestStack;

  beforeAll(async () => {
    // 1,500 organizations per provider: Auth0's listing alone is about 600 KB of entries.
    stack = await startStack({ emulators: { size: 1_500 }, cache: { maxBytes } });
  });
  afterAll(() => stack?.stop());

  it('keeps the store under cache.maxBytes, evicting the least recently used entries', async () => {
    const store = stack.server.upstream.store as MemorySharedStore;
    const FIRST = `{ organizations(filter: { providers: [AUTH0] }, limit: 10) { items { id } } }`;
    const first = await ok(stack, FIRST);
    const firstCalls = upstreamCalls(stack.emulators).total;
    expect(firstCalls).toBeGreaterThan(0);
    stack.emulators.reset();
    await ok(stack, FIRST);
    expect(upstreamCalls(stack.emulators).total).toBe(0);

    // Auth0's whole listing (15 pages), Datadog's (3 pages of 1,000) and Crux's: megabytes read.
    for (const query of [
      `{ organizations(filter: { providers: [AUTH0], nameContains: "a" }, limit: 500) { totalCount } }`,
      `{ connections(filter: { providers: [DATADOG] }, limit: 500) { totalCount } }`,
      `{ connections(filter: { providers: [CRUX] }, limit: 500) { totalCount } }`,
    ]) {
      await ok(stack, query);
      expect(store.sizeBytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(store.sizeBytes).toBeGreaterThan(maxBytes / 2);

    stack.emulators.reset();
    const again = await ok(stack, FIRST);
    expect(again.data).toEqual(first.data);
    expect(upstreamCalls(stack.emulators).total).toBe(firstCalls);
    expect(upstreamOf(again)).toMatchObject({ calls: firstCalls, cache: { hits: 0 } });
    expect(store.sizeBytes).toBeLessThanOrEqual(maxBytes);
  });
});

/** Creates a Datadog org connection directly at the emulator (first tenant); returns its id. */
async function createDatadogConnection(emulators: RunningEmulators): Promise<string> {
  const { datadog } = emulators;
  const { data } = datadog;
  const taken = new Set(
    data.connections
      .filter((c) => c.relationships.source_org?.data.id === data.currentOrgId)
      .map((c) => c.relationships.sink_org?.data.id),
  );
  const sink = data.orgs.find((o) => o.id !== data.currentOrgId && !taken.has(o.id))!;
  const response = await fetch(`${datadog.url}/api/v2/org_connections`, {
    method: 'POST',
    headers: datadogHeaders(emulators),
    body: JSON.stringify({
      data: {
        type: 'org_connection',
        attributes: { connection_types: ['logs'] },
        relationships: { sink_org: { data: { id: sink.id, type: 'orgs' } } },
      },
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { id: string } }).data.id;
}

async function deleteDatadogConnection(emulators: RunningEmulators, id: string): Promise<void> {
  const response = await fetch(`${emulators.datadog.url}/api/v2/org_connections/${id}`, {
    method: 'DELETE',
    headers: datadogHeaders(emulators),
  });
  expect(response.ok).toBe(true);
}

function datadogHeaders(emulators: RunningEmulators): Record<string, string> {
  const { apiKey, appKey } = emulators.datadog.credentials;
  return {
    'DD-API-KEY': apiKey,
    'DD-APPLICATION-KEY': appKey,
    'content-type': 'application/json',
  };
}
