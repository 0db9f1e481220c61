import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import type { SharedStore, StoreErrorKind } from './shared-store';
import type { ObservedRateWindow, RateTake } from './rate-window';
import { OBSERVE_RATE_SCRIPT, TAKE_RATE_SCRIPT } from './rate-window.lua';
import { BUMP_GENERATION_SCRIPT, GENERATIONS_SCRIPT, generationSeed } from './generation.lua';

export interface RedisSharedStoreOptions {
  /** `redis://` or `rediss://`, with `:password@` or `user:password@` for AUTH. */
  url: string;
  /** Every key starts with `<prefix>:v1:`; bump the version when entries change shape. */
  prefix: string;
  /** Every command's limit: a stalled Redis must cost a request milliseconds, not minutes. */
  commandTimeoutMs: number;
  logger: Logger;
}

/** Entries' version segment: old replicas and new ones never read each other's shapes. */
const KEY_VERSION = 'v1';
const HEARTBEAT_MS = 5_000;
/** After a failed command, how long commands fail at once instead of each waiting out a timeout. */
const BACKOFF_AFTER_FAILURE_MS = 1_000;

type ScriptCommands = {
  takeRate(key: string, now: number, scale: number): Promise<[number, number]>;
  observeRate(key: string, ...args: number[]): Promise<number>;
  generations(count: number, ...keysThenSeed: string[]): Promise<string[]>;
  bumpGeneration(key: string, seed: string): Promise<number>;
};

/**
 * The store shared by replicas. ioredis with no offline queue and a timeout on every command: while
 * Redis is down or stalled, each call fails fast and its caller goes on without it (the cache skips,
 * the rate budget falls back to a local share). Each replica announces itself, so that share is known.
 */
export class RedisSharedStore implements SharedStore {
  readonly kind = 'redis';
  private readonly redis: Redis & ScriptCommands;
  private readonly keyPrefix: string;
  private readonly replicaId = randomUUID();
  private knownReplicas = 1;
  private readonly heartbeat: NodeJS.Timeout;
  private downUntil = 0;
  private readonly errors: Record<StoreErrorKind, number> = {
    command: 0,
    timeout: 0,
    backoff: 0,
    connection: 0,
  };

  constructor(options: RedisSharedStoreOptions) {
    this.keyPrefix = `${options.prefix}:${KEY_VERSION}:`;
    this.redis = new Redis(options.url, {
      commandTimeout: options.commandTimeoutMs,
      connectTimeout: Math.max(1_000, options.commandTimeoutMs * 4),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Keep reconnecting, never faster than every second.
      retryStrategy: (times) => Math.min(times * 200, 1_000),
    }) as Redis & ScriptCommands;
    this.redis.defineCommand('takeRate', { numberOfKeys: 1, lua: TAKE_RATE_SCRIPT });
    this.redis.defineCommand('observeRate', { numberOfKeys: 1, lua: OBSERVE_RATE_SCRIPT });
    // Without numberOfKeys: the call names how many keys it passes.
    this.redis.defineCommand('generations', { lua: GENERATIONS_SCRIPT });
    this.redis.defineCommand('bumpGeneration', { numberOfKeys: 1, lua: BUMP_GENERATION_SCRIPT });
    let lastLogged = 0;
    this.redis.on('error', (error: Error) => {
      this.errors.connection += 1;
      // ioredis repeats a connection error at every retry: once a minute is enough for an operator.
      if (Date.now() - lastLogged < 60_000) return;
      lastLogged = Date.now();
      options.logger.warn({ err: { message: error.message } }, 'redis: unavailable');
    });
    this.heartbeat = setInterval(() => void this.announce().catch(() => undefined), HEARTBEAT_MS);
    this.heartbeat.unref();
    // At every (re)connection: a command sent before it would fail (no offline queue), and the other
    // replicas must count this one from the start, not from the first beat 5 s later.
    this.redis.on('ready', () => void this.announce().catch(() => undefined));
  }

  /**
   * Waits for the first connection, at most `timeoutMs`: without an offline queue, commands sent before
   * it would fail. False when Redis is not reachable yet; orgraph then starts and works without it.
   */
  async ready(timeoutMs = 5_000): Promise<boolean> {
    if (this.redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (ready: boolean) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        resolve(ready);
      };
      const onReady = () => done(true);
      this.redis.once('ready', onReady);
    });
  }

  async ping(): Promise<boolean> {
    // Not through command(): readiness asks Redis itself, even while commands back off.
    return this.redis.ping().then(
      () => true,
      () => false,
    );
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.command(() => this.redis.get(this.keyPrefix + key))) ?? undefined;
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttl = options?.ttl;
    await this.command(() =>
      ttl
        ? this.redis.set(this.keyPrefix + key, value, 'PX', Math.ceil(ttl * 1000))
        : this.redis.set(this.keyPrefix + key, value),
    );
  }

  async delete(key: string): Promise<boolean> {
    return (await this.command(() => this.redis.del(this.keyPrefix + key))) > 0;
  }

  async takeRate(key: string, now: number, scale = 1): Promise<RateTake> {
    const [granted, waitMs] = await this.command(() =>
      this.redis.takeRate(this.keyPrefix + key, now, scale),
    );
    return granted === 1 ? { granted: true } : { granted: false, waitMs };
  }

  async observeRate(
    key: string,
    now: number,
    observed: ObservedRateWindow | undefined,
    limitedUntil?: number,
  ): Promise<void> {
    await this.command(() =>
      this.redis.observeRate(
        this.keyPrefix + key,
        now,
        observed ? 1 : 0,
        observed?.limit ?? 0,
        observed?.remaining ?? 0,
        observed?.resetAt ?? 0,
        observed?.periodMs ?? 0,
        limitedUntil ?? -1,
      ),
    );
  }

  async generations(keys: readonly string[]): Promise<number[]> {
    if (keys.length === 0) return [];
    const prefixed = keys.map((key) => this.keyPrefix + key);
    const generations = await this.command(() =>
      this.redis.generations(prefixed.length, ...prefixed, generationSeed()),
    );
    return generations.map(Number);
  }

  async bumpGeneration(key: string): Promise<void> {
    await this.command(() => this.redis.bumpGeneration(this.keyPrefix + key, generationSeed()));
  }

  errorCounts(): Readonly<Record<StoreErrorKind, number>> {
    return { ...this.errors };
  }

  replicas(): Promise<number> {
    return Promise.resolve(this.knownReplicas);
  }

  async clear(): Promise<void> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(
        cursor,
        'MATCH',
        `${this.keyPrefix}*`,
        'COUNT',
        500,
      );
      if (keys.length > 0) await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.redis.zrem(this.replicaKey, this.replicaId).catch(() => undefined);
    this.redis.disconnect();
  }

  /** Runs a command, failing at once for a moment after a failure: a stalled Redis costs one timeout
   * a second, not one per call. */
  private async command<T>(run: () => Promise<T>): Promise<T> {
    if (Date.now() < this.downUntil) {
      this.errors.backoff += 1;
      throw new Error('redis: unavailable (backing off)');
    }
    try {
      return await run();
    } catch (error) {
      const timedOut = error instanceof Error && error.message === 'Command timed out';
      this.errors[timedOut ? 'timeout' : 'command'] += 1;
      this.downUntil = Date.now() + BACKOFF_AFTER_FAILURE_MS;
      throw error;
    }
  }

  private get replicaKey(): string {
    return `${this.keyPrefix}replicas`;
  }

  /** Heartbeat: this replica is alive; replicas silent for three beats are forgotten. */
  private async announce(): Promise<void> {
    const now = Date.now();
    const [, , count] = (await this.redis
      .multi()
      .zadd(this.replicaKey, now, this.replicaId)
      .zremrangebyscore(this.replicaKey, '-inf', now - 3 * HEARTBEAT_MS)
      .zcard(this.replicaKey)
      .pexpire(this.replicaKey, 6 * HEARTBEAT_MS)
      .exec()) as Array<[Error | null, unknown]>;
    const replicas = Number(count?.[1]);
    if (Number.isFinite(replicas) && replicas > 0) this.knownReplicas = replicas;
  }
}
