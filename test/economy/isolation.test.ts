import { isDeepStrictEqual } from 'node:util';
import pino from 'pino';
import type { Config } from '../../src/config/config.type';
import type { RunningEmulators } from '../../src/emulators/start-emulators';
import { FIRST_TENANT, SECOND_TENANT } from '../../src/emulators/tenant';
import { Auth0TokenCache } from '../../src/providers/auth0/auth0-token-cache';
import { startServer } from '../../src/server/start-server';
import type { UpstreamReport } from '../../src/upstream/upstream-stats';
import { startRedisServer, type RedisReply, type RedisServer } from '../support/redis-server';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';

/**
 * Callers with different credentials share one cache and never each other's entries: caller A reads
 * with the server's credentials, caller B sends the second tenant's. 1,000 interleaved requests, with
 * entries filled, refreshed and read concurrently, must each answer exactly what its own caller's data
 * is, with the in-memory store and with Redis; and Redis must hold no credential in any key or value.
 */

/** All three providers: names and ids differ between the tenants, so any cross-read shows. */
const QUERY = `{
  organizations(limit: 500) { totalCount items { id name provider } }
  connections(limit: 20) { totalCount items { id kind } } }`;
const REQUESTS = 1_000;
const AT_ONCE = 20;
const PREFIX = 'orgraph-iso';
const SECRET = 'test-secret-0123456789abcdef';

interface Answer {
  organizations: { totalCount: number; items: Array<{ id: string; name: string }> };
  connections: { totalCount: number; items: Array<{ id: string }> };
}

const upstreamOf = (result: GraphQLResponse<unknown>) =>
  result.extensions?.['upstream'] as UpstreamReport;

/**
 * Starts a stack holding its Auth0 token. `freshSeconds` 1 has entries refreshed in the background
 * all through a run (such a refresh can still land after the run, so such a stack is not reset again).
 */
async function startStack(
  options: { freshSeconds?: number; store?: Partial<Config['store']> } = {},
): Promise<TestStack> {
  const { freshSeconds, store } = options;
  const stack = await startTestStack({
    configure: (config) => ({
      ...config,
      cache: {
        ...config.cache,
        ...(freshSeconds === undefined
          ? {}
          : { freshSeconds: { CRUX: freshSeconds, AUTH0: freshSeconds, DATADOG: freshSeconds } }),
      },
      store: { ...config.store, ...store },
    }),
  });
  await stack.query('{ organizations(filter: { providers: [AUTH0] }, limit: 1) { totalCount } }');
  await stack.reset();
  return stack;
}

async function answer(
  stack: TestStack,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<Answer>> {
  const result = await stack.query<Answer>(QUERY, undefined, headers);
  expect(result.errors).toBeUndefined();
  return result;
}

/**
 * Each tenant's answer with the cache cold, then 1,000 requests alternating A and B, AT_ONCE in
 * flight, from a cold cache again. Returns the requests whose answer was not their caller's.
 */
async function interleave(stack: TestStack): Promise<{ wrong: number[]; calls: number }> {
  const headersB = stack.emulators.secondTenantHeaders as unknown as Record<string, string>;
  await stack.reset();
  const expectedA = (await answer(stack)).data!;
  await stack.reset();
  const expectedB = (await answer(stack, headersB)).data!;
  // The two answers share no organization name: a cross-read cannot go unnoticed.
  const namesA = new Set(expectedA.organizations.items.map((o) => o.name));
  expect(expectedB.organizations.items.some((o) => namesA.has(o.name))).toBe(false);
  expect(expectedA.organizations.totalCount).toBeGreaterThan(30);
  expect(expectedB.organizations.totalCount).toBeGreaterThan(30);

  await stack.reset();
  const wrong: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      const index = next++;
      const isB = index % 2 === 1;
      const result = await stack.query<Answer>(QUERY, undefined, isB ? headersB : undefined);
      const expected = isB ? expectedB : expectedA;
      if (result.errors !== undefined || !isDeepStrictEqual(result.data, expected)) {
        wrong.push(index);
      }
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  return { wrong, calls: totalCalls(stack.emulators) };
}

function totalCalls(emulators: RunningEmulators): number {
  return (
    emulators.crux.counter.count() +
    emulators.auth0.counter.count() +
    emulators.datadog.counter.count()
  );
}

describe('caller isolation with the in-memory store', () => {
  let stack: TestStack;
  let plain: TestStack;

  beforeAll(async () => {
    [stack, plain] = await Promise.all([startStack({ freshSeconds: 1 }), startStack()]);
  });
  afterAll(() => Promise.all([stack?.stop(), plain?.stop()]));

  it(`answers ${REQUESTS} interleaved requests of two callers each with its own data`, async () => {
    const { wrong, calls } = await interleave(stack);
    expect(wrong).toEqual([]);
    // The cache did its work: far fewer calls than requests.
    expect(calls).toBeLessThan(REQUESTS);
  });

  it("never shares an entry across credentials: B's repeat is free, A's first read is not", async () => {
    const { emulators } = plain;
    const headersB = emulators.secondTenantHeaders as unknown as Record<string, string>;
    const providers = [emulators.crux, emulators.auth0, emulators.datadog];

    const firstB = await answer(plain, headersB);
    for (const emulator of providers)
      expect(emulator.counter.countForTenant(SECOND_TENANT)).toBeGreaterThan(0);
    emulators.reset();
    const repeatB = await answer(plain, headersB);
    expect(repeatB.data).toEqual(firstB.data);
    expect(upstreamOf(repeatB).calls).toBe(0);
    for (const emulator of providers)
      expect(emulator.counter.countForTenant(SECOND_TENANT)).toBe(0);

    // Same query, same resources, other credentials: nothing of B's is A's.
    const firstA = await answer(plain);
    expect(firstA.data).not.toEqual(firstB.data);
    expect(upstreamOf(firstA)).toMatchObject({ cache: { hits: 0 } });
    expect(upstreamOf(firstA).calls).toBeGreaterThan(0);
    for (const emulator of providers) {
      expect(emulator.counter.countForTenant(FIRST_TENANT)).toBeGreaterThan(0);
      expect(emulator.counter.countForTenant(SECOND_TENANT)).toBe(0);
    }
  });
});

describe('caller isolation with Redis', () => {
  let redis: RedisServer;
  let stack: TestStack;
  let issuedTokens: jest.SpiedFunction<Auth0TokenCache['token']>;

  beforeAll(async () => {
    // Watches (never replaces) the server's Auth0 token cache, to learn the tokens it was issued.
    issuedTokens = jest.spyOn(Auth0TokenCache.prototype, 'token');
    redis = await startRedisServer();
    stack = await startStack({
      freshSeconds: 1,
      store: { redisUrl: redis.url, secret: SECRET, keyPrefix: PREFIX },
    });
  });
  afterAll(async () => {
    issuedTokens?.mockRestore();
    await stack?.stop();
    await redis?.stop();
  });

  it(`answers ${REQUESTS} interleaved requests of two callers each with its own data`, async () => {
    expect(stack.server.upstream.store.kind).toBe('redis');
    const { wrong, calls } = await interleave(stack);
    expect(wrong).toEqual([]);
    expect(calls).toBeLessThan(REQUESTS);
  });

  it('holds no credential in any key or value, and every key under <prefix>:v1:', async () => {
    const { crux, auth0, datadog } = stack.emulators;
    // Every Auth0 token the server was issued with its client credentials, as the server got them.
    const issued = await Promise.all(
      issuedTokens.mock.results.map((r) => r.value as Promise<string>),
    );
    expect(issued.length).toBeGreaterThan(0);
    const secrets = [
      ...[crux.firstTenant, crux.secondTenant].flatMap((t) => [
        t.credentials.token,
        t.credentials.password,
      ]),
      ...[auth0.firstTenant, auth0.secondTenant].flatMap((t) => [
        t.credentials.token,
        t.credentials.clientSecret,
      ]),
      ...[datadog.firstTenant, datadog.secondTenant].flatMap((t) => [
        t.credentials.apiKey,
        t.credentials.appKey,
      ]),
      ...new Set(issued),
      SECRET,
    ];

    // Both callers read (after the run above, or alone when this test runs by itself).
    await answer(stack);
    await answer(stack, stack.emulators.secondTenantHeaders as unknown as Record<string, string>);
    const entries = await dump(redis);
    expect(entries.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const { key, value } of entries) {
      expect(key.startsWith(`${PREFIX}:v1:`)).toBe(true);
      for (const text of [key, value]) {
        if (/bearer /i.test(text)) leaks.push(`${key}: Bearer`);
        for (const secret of secrets) if (text.includes(secret)) leaks.push(`${key}: ${secret}`);
      }
    }
    expect(leaks).toEqual([]);

    // Both callers' reads are there, under two fingerprints per provider.
    for (const provider of ['CRUX', 'AUTH0', 'DATADOG']) {
      const fingerprints = new Set(
        entries
          .map((e) => new RegExp(`^${PREFIX}:v1:read:${provider}:([^:]+):`).exec(e.key)?.[1])
          .filter((f) => f !== undefined),
      );
      expect(fingerprints.size).toBe(2);
    }
  });
});

describe('Redis with a password', () => {
  const password = 'p4ss:w@rd/with spaces';
  let redis: RedisServer;
  let stack: TestStack;
  let config: Config | undefined;

  beforeAll(async () => {
    redis = await startRedisServer({ password });
    stack = await startTestStack({
      configure: (base) =>
        (config = { ...base, store: { ...base.store, redisUrl: redis.url, secret: SECRET } }),
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await redis?.stop();
  });

  it('is filled by one server and read by another sharing it, with 0 upstream calls', async () => {
    expect(redis.url).toContain(encodeURIComponent(password));
    const filled = await answer(stack);
    expect(upstreamOf(filled).calls).toBeGreaterThan(0);
    expect(Number(await redis.command('DBSIZE'))).toBeGreaterThan(10);

    // Another replica: its own process state (no Auth0 token yet), the same Redis and secret.
    const replica = await startServer(config!, pino({ level: 'silent' }));
    try {
      stack.emulators.reset();
      const response = await fetch(replica.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY }),
      });
      const read = (await response.json()) as GraphQLResponse<Answer>;
      expect(read.errors).toBeUndefined();
      expect(read.data).toEqual(filled.data);
      expect(upstreamOf(read)).toMatchObject({ calls: 0, cache: { misses: 0 } });
      // Not even a token grant: nothing was asked of any provider.
      expect(totalCalls(stack.emulators)).toBe(0);
    } finally {
      await replica.stop();
    }
  });
});

/** Every key under any prefix with its value, whatever its type, as text. */
async function dump(redis: RedisServer): Promise<Array<{ key: string; value: string }>> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = (await redis.command('SCAN', cursor, 'COUNT', '1000')) as [
      string,
      string[],
    ];
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  const entries: Array<{ key: string; value: string }> = [];
  for (const key of keys) {
    const type = await redis.command('TYPE', key);
    const read: Record<string, string[]> = {
      string: ['GET', key],
      hash: ['HGETALL', key],
      zset: ['ZRANGE', key, '0', '-1', 'WITHSCORES'],
      set: ['SMEMBERS', key],
      list: ['LRANGE', key, '0', '-1'],
    };
    const command = read[String(type)];
    if (!command) throw new Error(`unexpected type ${String(type)} of ${key}`);
    const value: RedisReply = await redis.command(...command);
    entries.push({ key, value: typeof value === 'string' ? value : JSON.stringify(value) });
  }
  return entries;
}
