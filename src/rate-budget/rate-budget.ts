import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { MemorySharedStore } from '../shared-store/memory-shared-store';
import type { ObservedRateWindow, RateTake } from '../shared-store/rate-window';
import type { SharedStore } from '../shared-store/shared-store';
import { RateBudgetWaitTooLong } from './rate-budget-wait-too-long';

/**
 * How long a replica that paced a credential on its own share keeps to that share once the store is
 * back. The shared window never saw the calls the replicas made on their shares, and the other replicas
 * may still be making them: each notices the store is back within about a second (the Redis store fails
 * fast for a second after a failure), and the window it paced alone in ends within a period after that.
 */
const KEEP_SHARE_AFTER_RETURN_MS = 3_000;

/** The longest a caller that had the last turn waits for another waiting caller to take the next. */
const YIELD_MAX_MS = 200;

/**
 * Paces the calls of each credential at each provider to stay inside the limit the provider announces
 * (its rate-limit headers), instead of collecting 429s. The window lives in the shared store, so all
 * replicas together stay under one tenant's limit; while the store is unreachable each replica takes
 * its share (1 / replicas seen) of a window of its own, never an unlimited one, and keeps to that share
 * for a moment after the store is back (KEEP_SHARE_AFTER_RETURN_MS). Among callers waiting on
 * one credential here, turns alternate, so one caller cannot drain it for the others.
 */
export class RateBudget {
  private readonly local = new MemorySharedStore(1);
  private readonly waiting = new Map<string, Map<string, number>>();
  // Bounded: callers bringing their own credentials add a key each.
  private readonly lastGranted = new LRUCache<string, string>({ max: 10_000 });
  /** When this replica last paced each credential alone, on its share (the store failing). */
  private readonly pacedAlone = new LRUCache<string, number>({ max: 10_000 });
  private storeErrors = 0;
  private lastStoreErrorLog = 0;

  constructor(
    private readonly store: SharedStore,
    private readonly logger: Logger,
  ) {}

  get storeFailures(): number {
    return this.storeErrors;
  }

  /**
   * Waits for a call's turn and says how long it waited (ms, 0 when at once); throws
   * RateBudgetWaitTooLong when that would pass `deadlineAt`.
   */
  async acquire(key: string, caller: string, deadlineAt: number): Promise<number> {
    this.wait(key, caller, +1);
    let waitedMs = 0;
    const waitFor = async (ms: number) => {
      const start = Date.now();
      await sleep(ms);
      waitedMs += Date.now() - start;
    };
    try {
      for (;;) {
        // Had the last turn and others wait: let one of them take this one (a while at most, for a
        // caller that has given up waiting may still be counted a moment).
        for (
          let yielded = 0;
          yielded < YIELD_MAX_MS && this.yieldsTurn(key, caller);
          yielded += 5
        ) {
          await waitFor(5);
        }
        const now = Date.now();
        const take = await this.take(key, now);
        if (take.granted) {
          this.lastGranted.set(key, caller);
          return waitedMs;
        }
        // A little jitter keeps waiting replicas from all asking at the same millisecond.
        const waitMs = take.waitMs + Math.floor(Math.random() * 10);
        if (now + waitMs > deadlineAt) throw new RateBudgetWaitTooLong(waitMs, waitedMs);
        await waitFor(waitMs);
      }
    } finally {
      this.wait(key, caller, -1);
    }
  }

  /** What a response said about the window; `limitedUntil` after a 429 holds everyone back. */
  async observe(
    key: string,
    observed: ObservedRateWindow | undefined,
    limitedUntil?: number,
  ): Promise<void> {
    const now = Date.now();
    // The local window learns too, so a fallback starts from what is known, not from a probe.
    await this.local.observeRate(key, now, observed, limitedUntil);
    try {
      await this.store.observeRate(key, now, observed, limitedUntil);
    } catch (error) {
      this.storeFailed(error);
    }
  }

  async clear(): Promise<void> {
    await this.local.clear();
    this.lastGranted.clear();
    this.pacedAlone.clear();
  }

  private async take(key: string, now: number): Promise<RateTake> {
    const share = 1 / Math.max(1, await this.store.replicas().catch(() => 1));
    let shared: RateTake;
    try {
      shared = await this.store.takeRate(key, now);
    } catch (error) {
      this.storeFailed(error);
      // The time the call goes out, not before the store failed: a window must not start early.
      const at = Date.now();
      this.pacedAlone.set(key, at);
      return this.local.takeRate(key, at, share);
    }
    const aloneAt = this.pacedAlone.get(key);
    if (aloneAt === undefined || !shared.granted) return shared;
    if (now - aloneAt >= KEEP_SHARE_AFTER_RETURN_MS) {
      this.pacedAlone.delete(key);
      return shared;
    }
    // Back from pacing alone: the call also needs a turn in this replica's share (the window it paced
    // alone with). A shared turn its share then refuses is lost: on the safe side, for a few seconds.
    return this.local.takeRate(key, now, share);
  }

  private wait(key: string, caller: string, delta: number): void {
    let callers = this.waiting.get(key);
    if (!callers) this.waiting.set(key, (callers = new Map<string, number>()));
    const count = (callers.get(caller) ?? 0) + delta;
    if (count > 0) callers.set(caller, count);
    else callers.delete(caller);
    if (callers.size === 0) this.waiting.delete(key);
  }

  private yieldsTurn(key: string, caller: string): boolean {
    return this.othersWaiting(key, caller) && this.lastGranted.get(key) === caller;
  }

  private othersWaiting(key: string, caller: string): boolean {
    const callers = this.waiting.get(key);
    return callers !== undefined && (callers.size > 1 || !callers.has(caller));
  }

  private storeFailed(error: unknown): void {
    this.storeErrors += 1;
    const now = Date.now();
    if (now - this.lastStoreErrorLog < 10_000) return;
    this.lastStoreErrorLog = now;
    this.logger.warn(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      `rate budget: the ${this.store.kind} store failed; pacing with this replica's share until it is back`,
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
