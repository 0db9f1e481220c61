import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { MemorySharedStore } from '../../src/shared-store/memory-shared-store';
import { Readiness } from '../../src/server/readiness';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { startTestStack, type TestStack } from '../support/test-stack';

const readyz = async (stack: TestStack) => {
  const response = await fetch(stack.server.url.replace('/graphql', '/readyz'));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('readiness with the in-memory store', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  it('is ready once started, and stays ready while a provider is down', async () => {
    expect(await readyz(stack)).toEqual({
      status: 200,
      body: { status: 'ready', checks: { server: 'started', 'memory store': 'ok' } },
    });
    stack.emulators.crux.setKnobs({ faults: [{ status: 503 }] });
    const result = await stack.query(
      '{ organizations(filter: { providers: [CRUX] }) { totalCount } }',
      undefined,
      {
        'cache-control': 'no-cache',
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    // Partial results are normal service: the replica keeps its traffic.
    expect((await readyz(stack)).status).toBe(200);
    // Liveness is not readiness.
    const health = await fetch(stack.server.url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
  });
});

describe('readiness with Redis', () => {
  let redis: RedisServer;
  let stack: TestStack;
  beforeAll(async () => {
    redis = await startRedisServer();
    stack = await startTestStack({
      configure: (config) => ({
        ...config,
        store: { ...config.store, redisUrl: redis.url, secret: 'readiness-test-secret-0123' },
      }),
    });
  });
  afterAll(async () => {
    await stack?.stop();
    await redis?.stop();
  });

  it('is ready while Redis answers, not ready while it hangs, and ready again when it is back', async () => {
    expect(await readyz(stack)).toEqual({
      status: 200,
      body: { status: 'ready', checks: { server: 'started', 'redis store': 'ok' } },
    });
    redis.pause();
    try {
      expect(await readyz(stack)).toEqual({
        status: 503,
        body: { status: 'not ready', checks: { server: 'started', 'redis store': 'unreachable' } },
      });
    } finally {
      redis.resume();
    }
    expect((await readyz(stack)).status).toBe(200);
  });
});

describe('readiness while draining', () => {
  it('answers not ready from the moment the server starts stopping', async () => {
    const readiness = new Readiness(new MemorySharedStore(1024 * 1024));
    const app = express();
    app.get('/readyz', readiness.handler());
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;
    try {
      expect((await fetch(url)).status).toBe(200);
      readiness.drain();
      const draining = await fetch(url);
      expect(draining.status).toBe(503);
      expect(await draining.json()).toEqual({
        status: 'not ready',
        checks: { server: 'draining' },
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
