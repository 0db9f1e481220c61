import { loadConfig } from '../../src/config/load-config';
import { configErrorOf } from '../support/config-error-of';

const errorOf = configErrorOf;

describe('cache, store and upstream economy configuration', () => {
  it('defaults: an in-memory cache, 30 s fresh, 300 calls and 15 s per request', () => {
    const config = loadConfig({});
    expect(config.cache).toEqual({
      enabled: true,
      freshSeconds: { CRUX: 30, AUTH0: 30, DATADOG: 30 },
      staleWhileRevalidateSeconds: 300,
      maxAgeSeconds: 3600,
      maxBytes: 64 * 1024 * 1024,
    });
    expect(config.store).toEqual({
      redisUrl: undefined,
      keyPrefix: 'orgraph',
      commandTimeoutMs: 250,
      secret: undefined,
    });
    expect(config.economy).toEqual({
      requestDeadlineMs: 15_000,
      requestCallBudget: 300,
      concurrency: 32,
      breaker: { failures: 5, cooldownMs: 10_000 },
    });
  });

  it('reads freshness per provider over the default', () => {
    const config = loadConfig({
      ORGRAPH_CACHE_FRESH_SECONDS: '60',
      ORGRAPH_CACHE_FRESH_SECONDS_AUTH0: '120',
      ORGRAPH_CACHE: 'false',
    });
    expect(config.cache.freshSeconds).toEqual({ CRUX: 60, AUTH0: 120, DATADOG: 60 });
    expect(config.cache.enabled).toBe(false);
  });

  it('Redis needs the shared fingerprint secret, and a bad URL is refused without echoing it', () => {
    expect(errorOf({ REDIS_URL: 'redis://:hunter2@127.0.0.1:6379' }).message).toBe(
      'ORGRAPH_CACHE_SECRET: is required with REDIS_URL: every replica must fingerprint credentials with the same secret',
    );
    const bad = errorOf({
      REDIS_URL: 'http://user:hunter2@redis:6379',
      ORGRAPH_CACHE_SECRET: 'x'.repeat(20),
    });
    expect(bad.variable).toBe('REDIS_URL');
    expect(bad.message).not.toContain('hunter2');
    expect(errorOf({ ORGRAPH_CACHE_SECRET: 'short' }).variable).toBe('ORGRAPH_CACHE_SECRET');
    const config = loadConfig({
      REDIS_URL: 'rediss://:hunter2@redis.internal:6380/0',
      ORGRAPH_CACHE_SECRET: 'a-secret-of-twenty-chars',
      ORGRAPH_REDIS_PREFIX: 'tenant-a',
    });
    expect(config.store).toMatchObject({
      redisUrl: 'rediss://:hunter2@redis.internal:6380/0',
      keyPrefix: 'tenant-a',
    });
  });

  it('refuses windows that do not nest and out-of-range numbers', () => {
    expect(errorOf({ ORGRAPH_CACHE_MAX_AGE_SECONDS: '60' }).variable).toBe(
      'ORGRAPH_CACHE_MAX_AGE_SECONDS',
    );
    expect(errorOf({ ORGRAPH_REQUEST_CALL_BUDGET: '0' }).variable).toBe(
      'ORGRAPH_REQUEST_CALL_BUDGET',
    );
    expect(errorOf({ ORGRAPH_REDIS_PREFIX: 'a b' }).variable).toBe('ORGRAPH_REDIS_PREFIX');
  });
});
