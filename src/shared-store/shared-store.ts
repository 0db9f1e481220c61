import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { ObservedRateWindow, RateTake } from './rate-window';

/** command: failed; timeout: no answer in time; backoff: refused at once after a failure; connection:
 * the client lost or could not open its connection. */
export type StoreErrorKind = 'command' | 'timeout' | 'backoff' | 'connection';

/**
 * What orgraph keeps across requests, for every replica that shares it: cached provider reads (and
 * Apollo's own caches, through KeyValueCache), the generations of the cache's tags, and each
 * credential's rate budget at each provider. Keys
 * come from callers of this interface already fingerprinted: no store ever sees a raw credential.
 * In memory for one process (the default), in Redis for many.
 */
export interface SharedStore extends KeyValueCache<string> {
  readonly kind: 'memory' | 'redis';

  get(key: string): Promise<string | undefined>;
  /** `ttl` in seconds, as Apollo's KeyValueCache has it. */
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;

  /** Takes one call from a rate window, atomically across replicas (see rate-window.ts). */
  takeRate(key: string, now: number, scale?: number): Promise<RateTake>;
  /** Folds what a response said about the window into it; `limitedUntil` after a 429. */
  observeRate(
    key: string,
    now: number,
    observed: ObservedRateWindow | undefined,
    limitedUntil?: number,
  ): Promise<void>;

  /**
   * The current generation of each key, in key order: an opaque number that a bump changes and nothing
   * else does (a key never bumped has one too). Cache keys carry the generations of their tags.
   */
  generations(keys: readonly string[]): Promise<number[]>;
  /** Moves a key to a generation it never had, atomically across replicas. */
  bumpGeneration(key: string): Promise<void>;

  /** Resolves once the store can take commands, or false after `timeoutMs` (it may come later). */
  ready(timeoutMs?: number): Promise<boolean>;

  /** Whether the store answers a command now (within its command timeout): readiness. */
  ping(): Promise<boolean>;

  /** Failures since start, by kind, for metrics; absent for a store that cannot fail (memory). */
  errorCounts?(): Readonly<Record<StoreErrorKind, number>>;

  /** Replicas that announced themselves recently (1 for memory). */
  replicas(): Promise<number>;

  /** Forgets every entry and window under this store's prefix (tests, and an operator's reset). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
