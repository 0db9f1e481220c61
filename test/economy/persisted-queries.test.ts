import { createHash } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../../src/config/load-config';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { startTestStack, type TestStack } from '../support/test-stack';

/** Apollo's automatic persisted queries live in the shared store: one replica learns, every one knows. */
describe('automatic persisted queries in the shared store', () => {
  let redis: RedisServer;
  let stack: TestStack;
  let replica: RunningServer;
  const secret = 'apq-test-secret-0123456789';

  beforeAll(async () => {
    redis = await startRedisServer();
    stack = await startTestStack({
      configure: (config) => ({
        ...config,
        store: { ...config.store, redisUrl: redis.url, secret },
      }),
    });
  });
  afterAll(async () => {
    await replica?.stop();
    await stack?.stop();
    await redis?.stop();
  });

  const query = '{ providers { provider enabled } }';
  const hash = createHash('sha256').update(query).digest('hex');
  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(
      async (r) =>
        (await r.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
    );
  const persisted = { persistedQuery: { version: 1, sha256Hash: hash } };

  it('a hash registered with one replica is served by another', async () => {
    replica = await startServer(
      {
        ...loadConfig({}),
        port: 0,
        demo: true,
        providers: stack.emulators.providers,
        store: { ...loadConfig({}).store, redisUrl: redis.url, secret },
      },
      pino({ level: 'silent' }),
    );
    const unknown = await post(replica.url, { extensions: persisted });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await post(stack.server.url, { query, extensions: persisted });
    expect(registered.errors).toBeUndefined();

    const served = await post(replica.url, { extensions: persisted });
    expect(served.errors).toBeUndefined();
    expect(served.data).toEqual(registered.data);
    const keys = (await redis.command('KEYS', '*')) as string[];
    expect(keys.some((k) => k.startsWith('orgraph:v1:apq:'))).toBe(true);
  });
});
