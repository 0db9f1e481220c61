import type { Logger } from 'pino';
import { ErrorCode } from '../errors/error-code';
import { UpstreamError } from '../errors/upstream-error';
import type { SharedStore } from '../shared-store/shared-store';
import { encodeCachedRead, type CachedRead } from './cached-read';
import { DecodedReads } from './decoded-reads';
import type { CachePolicy } from './cache-policy';
import type { ReadOutcome } from './read-outcome';

export interface CacheRead<T> {
  /** The key, already holding the provider, the credential's fingerprint and the resource. */
  key: string;
  /** The store keys of the generations of the tags the read depends on (see CacheTagsOf): the entry
   * is kept under their current values, so a bump of any of them retires it. */
  generations?: readonly string[];
  policy: CachePolicy;
  /** Skip cached entries (the caller sent `Cache-Control: no-cache`); still stored, and still served
   * marked stale if the provider fails. */
  noCache: boolean;
  /** Reads from the provider for the request that asked. */
  load: () => Promise<T>;
  /** The same read, outside any request (a background refresh has no request's deadline or budget). */
  refresh: () => Promise<T>;
  /** Told where the value came from. */
  onOutcome: (outcome: ReadOutcome) => void;
}

/** Failures during which an older entry beats no answer. */
const SERVE_STALE_ON: ReadonlySet<unknown> = new Set([
  ErrorCode.UPSTREAM_UNAVAILABLE,
  ErrorCode.UPSTREAM_RATE_LIMITED,
]);

/**
 * Validated provider reads across requests, in the shared store. Only successful reads are stored (a
 * failure or a partial list never is); concurrent misses of one key in this process share one call
 * (single-flight); an entry past its freshness is served at once while one refresh runs; an older one
 * only while the provider fails. A read tagged by its provider (see CacheTagsOf) is kept under its
 * tags' current generations: a write bumps them, and from then on every read misses, whoever makes
 * it and on whichever replica, and no entry from before is served, not even stale. When the store
 * itself fails, reads go to the provider and the failure is logged and counted: the cache is never
 * the reason a query fails or waits.
 */
export class UpstreamCache {
  private readonly inFlight = new Map<string, Promise<CachedRead<unknown>>>();
  private readonly decoded = new DecodedReads();
  private storeErrors = 0;
  private lastStoreErrorLog = 0;

  constructor(
    private readonly store: SharedStore,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits for every read in flight, background refreshes included, to land (a reset must not be
   * refilled by a refresh that started before it). */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight.values()]);
      await new Promise((resolve) => setImmediate(resolve)); // let the stores' writes finish
    }
  }

  /** Store failures since start, for metrics and tests. */
  get storeFailures(): number {
    return this.storeErrors;
  }

  async read<T>(read: CacheRead<T>): Promise<T> {
    const generations = read.generations ?? [];
    if (generations.length === 0) return this.readAt(read);
    const key = await this.keyAtGenerations(read.key, generations);
    if (key !== undefined) return this.readAt({ ...read, key });
    // Without the generations no entry can be trusted (it may predate a write), nor stored.
    const value = await read.load();
    read.onOutcome({ source: 'upstream', readAt: this.now() });
    return value;
  }

  /**
   * Retires every entry that depends on these generations, for every credential and replica. A store
   * failure is logged and counted, not thrown: the write it follows was made.
   */
  async invalidate(generations: readonly string[]): Promise<void> {
    await Promise.all(
      generations.map((key) =>
        this.store.bumpGeneration(key).catch((error: unknown) => {
          this.storeErrors += 1;
          // Said every time (writes are few): until they expire, callers may read what it changed.
          this.logger.warn(
            { err: { message: errorMessage(error) }, generation: key },
            `cache: the ${this.store.kind} store failed a generation bump; what the write changed stays cached until it expires`,
          );
        }),
      ),
    );
  }

  /** The key at the current generations (the key of its in-flight read too, so that a read after a
   * bump never joins one from before it); undefined when the store cannot say. */
  private async keyAtGenerations(
    key: string,
    generations: readonly string[],
  ): Promise<string | undefined> {
    try {
      const current = await this.store.generations(generations);
      return `${key}#gen=${current.join('.')}`;
    } catch (error) {
      this.storeFailed(error, 'generation read');
      return undefined;
    }
  }

  private async readAt<T>(read: CacheRead<T>): Promise<T> {
    const cached = read.noCache ? undefined : await this.lookup<T>(read.key);
    const age = cached ? this.now() - cached.readAt : Infinity;
    if (cached && age < read.policy.freshMs) {
      read.onOutcome({ source: 'fresh', readAt: cached.readAt });
      return cached.value;
    }
    if (cached && age < read.policy.staleWhileRevalidateMs) {
      this.refreshInBackground(read);
      read.onOutcome({ source: 'stale', readAt: cached.readAt });
      return cached.value;
    }
    try {
      const loaded = await this.loadOnce(read.key, read.load, read.policy);
      read.onOutcome({ source: 'upstream', readAt: loaded.readAt });
      return loaded.value as T;
    } catch (error) {
      const fallback = await this.staleFallback<T>(read, error, cached);
      if (!fallback) throw error;
      read.onOutcome({ source: 'stale-if-error', readAt: fallback.readAt });
      return fallback.value;
    }
  }

  private async staleFallback<T>(
    read: CacheRead<T>,
    error: unknown,
    cached: CachedRead<T> | undefined,
  ): Promise<CachedRead<T> | undefined> {
    if (!(error instanceof UpstreamError) || !SERVE_STALE_ON.has(error.extensions.code)) {
      return undefined;
    }
    const entry = cached ?? (await this.lookup<T>(read.key));
    return entry && this.now() - entry.readAt < read.policy.maxAgeMs ? entry : undefined;
  }

  /** One call in flight per key in this process, shared by every request that needs it. */
  private loadOnce<T>(
    key: string,
    load: () => Promise<T>,
    policy: CachePolicy,
  ): Promise<CachedRead<unknown>> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      const loading = load().then((value): CachedRead<unknown> => ({ value, readAt: this.now() }));
      pending = loading;
      this.inFlight.set(key, loading);
      // The read stays shared until the store holds it, so that no request falls between the two.
      loading
        .then((entry) => this.save(key, entry, policy))
        .catch(() => undefined)
        .finally(() => this.inFlight.delete(key));
    }
    return pending;
  }

  /** At most one refresh per key: a read already in flight for it is the refresh. */
  private refreshInBackground<T>(read: CacheRead<T>): void {
    if (this.inFlight.has(read.key)) return;
    this.loadOnce(read.key, read.refresh, read.policy).catch((error: unknown) =>
      this.logger.debug(
        { err: error instanceof Error ? { message: error.message } : error },
        'cache: background refresh failed; the stale entry stays',
      ),
    );
  }

  private async lookup<T>(key: string): Promise<CachedRead<T> | undefined> {
    try {
      return this.decoded.decode<T>(key, await this.store.get(key));
    } catch (error) {
      this.storeFailed(error, 'read');
      return undefined;
    }
  }

  private save(key: string, entry: CachedRead<unknown>, policy: CachePolicy): Promise<void> {
    const ttlSeconds = Math.max(1, Math.ceil(policy.maxAgeMs / 1000));
    return this.store
      .set(key, encodeCachedRead(entry), { ttl: ttlSeconds })
      .catch((error: unknown) => this.storeFailed(error, 'write'));
  }

  private storeFailed(error: unknown, what: string): void {
    this.storeErrors += 1;
    const now = Date.now();
    if (now - this.lastStoreErrorLog < 10_000) return;
    this.lastStoreErrorLog = now;
    this.logger.warn(
      {
        err: { message: errorMessage(error) },
        storeErrors: this.storeErrors,
      },
      `cache: the ${this.store.kind} store failed a ${what}; reading from the providers without it`,
    );
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
