import { LRUCache } from 'lru-cache';
import type { SharedStore } from './shared-store';
import {
  NO_LIMIT_TTL_MS,
  observeWindow,
  STATE_TTL_MS,
  takeFromWindow,
  unknownWindow,
  type ObservedRateWindow,
  type RateTake,
  type RateWindowState,
} from './rate-window';

/**
 * The embedded store: an LRU bounded in bytes (lru-cache's maxSize), so a cache full of large provider
 * listings evicts the least used instead of growing the heap. Rate windows live beside it, in a small
 * map of their own, so that cache pressure never forgets a budget.
 */
export class MemorySharedStore implements SharedStore {
  readonly kind = 'memory';
  private readonly entries: LRUCache<string, string>;
  private readonly windows = new LRUCache<string, RateWindowState>({
    max: 10_000,
    ttl: STATE_TTL_MS,
    updateAgeOnGet: true,
  });

  /**
   * Tags' generations, never evicted (a forgotten generation would be 0 again, and entries stored at 0
   * would be served again): only tags that a write changed are here, so they stay few.
   */
  private readonly tagGenerations = new Map<string, number>();

  constructor(maxBytes: number) {
    this.entries = new LRUCache<string, string>({
      maxSize: maxBytes,
      // UTF-16 code units, twice as many bytes: what the string costs on the heap, roughly.
      sizeCalculation: (value, key) => (value.length + key.length) * 2 || 1,
      ttlAutopurge: false,
    });
  }

  /** Bytes held by cached entries, as counted against the bound. */
  get sizeBytes(): number {
    return this.entries.calculatedSize;
  }

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.entries.get(key));
  }

  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    const ttl = options?.ttl ? options.ttl * 1000 : undefined;
    this.entries.set(key, value, { ttl });
    return Promise.resolve();
  }

  delete(key: string): Promise<boolean> {
    return Promise.resolve(this.entries.delete(key));
  }

  takeRate(key: string, now: number, scale = 1): Promise<RateTake> {
    const state = this.windows.get(key) ?? unknownWindow();
    const take = takeFromWindow(state, now, scale);
    this.windows.set(key, state, { ttl: state.limit === 0 ? NO_LIMIT_TTL_MS : undefined });
    return Promise.resolve(take);
  }

  observeRate(
    key: string,
    now: number,
    observed: ObservedRateWindow | undefined,
    limitedUntil?: number,
  ): Promise<void> {
    const state = this.windows.get(key) ?? unknownWindow();
    observeWindow(state, now, observed, limitedUntil);
    this.windows.set(key, state, { ttl: state.limit === 0 ? NO_LIMIT_TTL_MS : undefined });
    return Promise.resolve();
  }

  generations(keys: readonly string[]): Promise<number[]> {
    return Promise.resolve(keys.map((key) => this.tagGenerations.get(key) ?? 0));
  }

  bumpGeneration(key: string): Promise<void> {
    this.tagGenerations.set(key, (this.tagGenerations.get(key) ?? 0) + 1);
    return Promise.resolve();
  }

  ready(): Promise<boolean> {
    return Promise.resolve(true);
  }

  ping(): Promise<boolean> {
    return Promise.resolve(true);
  }

  replicas(): Promise<number> {
    return Promise.resolve(1);
  }

  clear(): Promise<void> {
    this.entries.clear();
    this.windows.clear();
    this.tagGenerations.clear();
    return Promise.resolve();
  }

  async close(): Promise<void> {}
}
