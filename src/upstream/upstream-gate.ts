import type { Fetcher } from '@apollo/utils.fetcher';
import { BrokenCircuitError } from 'cockatiel';
import type { CacheTagsOf } from '../cache/cache-tags';
import { providerTenant } from '../cache/provider-tenant';
import { ErrorCode } from '../errors/error-code';
import { UpstreamError } from '../errors/upstream-error';
import type { Provider } from '../model/provider';
import { retryAfterMs } from '../providers/http/rate-limit-headers';
import { createRetryingFetch, type RetryPolicy } from '../providers/http/retrying-fetch';
import { OTHER_ROUTE } from '../providers/http/route-templates';
import { PROVIDER_LABELS } from '../providers/provider-labels';
import { RateBudgetWaitTooLong } from '../rate-budget/rate-budget-wait-too-long';
import { recordCacheOutcome } from '../tracing/upstream-spans';
import type { ProviderHttpProfile } from './provider-http-profile';
import { backgroundScope, runInBackgroundScope } from './background-scope';
import { UpstreamCall, type CallCacheOutcome } from './upstream-call';
import type { UpstreamScope } from './upstream-scope';
import type { UpstreamServices } from './upstream-services';

/** The least time worth sending a call with: a turn later than this before the deadline is refused. */
const MIN_ATTEMPT_MS = 1_000;

/**
 * The one way a provider's client reaches its provider, for one request and one credential. Reads go
 * through the shared cache (keyed by provider, credential fingerprint and resource); each HTTP attempt
 * draws on the request's call budget and deadline, waits its turn at the credential's rate budget and
 * concurrency limit, and passes the provider's breaker. Providers plug in here and nowhere else, and
 * so every call is measured here (metrics, debug log), under its route template. A write retires
 * what it changed from the cache, for every credential of the provider's tenant (see invalidate).
 */
export class UpstreamGate {
  /** The client's tags, from the profile it gives with fetcher(): one gate serves one client. */
  private cacheTags: CacheTagsOf | undefined;

  constructor(
    private readonly services: UpstreamServices,
    private readonly scope: UpstreamScope,
    readonly provider: Provider,
    private readonly baseUrl: string,
    /** The credential's fingerprint (never the credential). */
    private readonly fingerprint: string,
  ) {}

  /**
   * A validated read, from the cache when it holds a usable entry, at the current generations of the
   * tags it depends on. `resource`: `<METHOD> <URL with its params in a fixed order>`.
   */
  read<T>(resource: string, load: () => Promise<T>): Promise<T> {
    const { cache, settings, metrics } = this.services;
    const scope = this.activeScope();
    if (!cache) {
      return load().then((value) => {
        scope.stats.record(this.provider, { source: 'upstream', readAt: Date.now() });
        return value;
      });
    }
    const read = cache.read({
      key: `read:${this.provider}:${this.fingerprint}:${resource}`,
      generations: this.generationKeys(...splitResource(resource)),
      policy: settings.cachePolicies[this.provider],
      noCache: scope.noCache,
      load,
      refresh: () => runInBackgroundScope(this.services.backgroundScope(), load),
      onOutcome: (outcome) => {
        scope.stats.record(this.provider, outcome);
        metrics.cacheRead(this.provider, outcome.source);
        recordCacheOutcome(outcome.source);
      },
    });
    // A read joined in flight runs to its starter's deadline, which may be later than this request's.
    return scope.withinDeadline(this.provider, read);
  }

  /**
   * After a write (`method` and `url` as sent): every cached read of what it changed misses from now
   * on, by any credential of this provider tenant, on any replica. A no-op with the cache off; a store
   * failure is logged and counted, never thrown (the write was made).
   */
  async invalidate(method: string, url: string): Promise<void> {
    const { cache } = this.services;
    if (!cache) return;
    await cache.invalidate(this.generationKeys(method, url));
  }

  /** The store keys of the generations of a call's tags: provider, tenant, tag (no credential). */
  private generationKeys(method: string, url: string): string[] {
    const tags = this.cacheTags?.(method, url, this.baseUrl) ?? [];
    if (tags.length === 0) return [];
    const tenant = providerTenant(this.baseUrl);
    return tags.map((tag) => `gen:${this.provider}:${tenant}:${tag}`);
  }

  /** The fetch a provider's RESTDataSource sends with: retries plus everything above, per attempt. */
  fetcher(retry: Omit<RetryPolicy, 'resetDelay'>, profile: ProviderHttpProfile = {}): Fetcher {
    this.cacheTags = profile.cacheTags;
    const budgetKey = `rate:${this.provider}:${this.fingerprint}`;
    const limit = this.services.concurrencyLimit(budgetKey);
    return (url, init) => {
      const method = init?.method ?? 'GET';
      const call = new UpstreamCall(
        this.services.metrics,
        this.activeScope().logger ?? this.services.logger,
        this.provider,
        profile.routes?.of(method, url, this.baseUrl) ?? OTHER_ROUTE,
        this.cacheOutcome(method),
      );
      return this.retryingFetch(retry, profile, budgetKey, limit, call)(url, init);
    };
  }

  /** One call's retrying fetch, with the gate around each of its attempts. */
  private retryingFetch(
    retry: Omit<RetryPolicy, 'resetDelay'>,
    profile: ProviderHttpProfile,
    budgetKey: string,
    limit: ReturnType<UpstreamServices['concurrencyLimit']>,
    call: UpstreamCall,
  ): Fetcher {
    const { rateBudget, breakers, settings, metrics } = this.services;
    return createRetryingFetch(
      { ...retry, resetDelay: profile.resetDelay, maxConcurrency: undefined },
      {
        // Counted first, so that concurrent attempts never overdraw the budget.
        beforeAttempt: () => {
          try {
            this.activeScope().spendCall(this.provider);
          } catch (error) {
            metrics.refused(this.provider, 'call_budget');
            throw error;
          }
          return Promise.resolve();
        },
        // The rate turn is taken inside the concurrency slot, right before sending (a turn taken
        // earlier could be spent in the provider's next window), and only while the breaker lets
        // calls through; the breaker then sees real calls only, never orgraph's own refusals.
        run: (send) => {
          let sent = false;
          const scope = this.activeScope();
          const attempt = limit(async () => {
            // Its slot may have come after the deadline (the wait below is bounded, the queue is not).
            if (scope.remainingMs() <= 0) throw scope.deadlineError(this.provider);
            if (!breakers.acceptsCalls(this.provider, this.baseUrl)) throw new BrokenCircuitError();
            await this.takeRateTurn(budgetKey, Math.min(retry.timeoutMs, MIN_ATTEMPT_MS));
            return breakers.run(this.provider, this.baseUrl, async () => {
              sent = true;
              try {
                return await call.send(send);
              } catch (error) {
                // No answer, so no headers: a probe of an unknown limit must not hold its lease.
                await rateBudget.observe(budgetKey, undefined);
                throw error;
              }
            });
          });
          attempt.catch(() => undefined); // its outcome is the race's below, or nobody's
          return scope.withinDeadline(this.provider, attempt).catch((error: unknown) => {
            // Refused before it left (breaker open, no rate turn in time): no call was made.
            if (!sent) this.activeScope().refundCall();
            if (!(error instanceof BrokenCircuitError)) throw error;
            metrics.refused(this.provider, 'breaker_open');
            throw new UpstreamError(
              `${this.label} is failing; calls are paused for up to ${Math.ceil(settings.breaker.cooldownMs / 1000)} s`,
              { provider: this.provider, code: ErrorCode.UPSTREAM_UNAVAILABLE },
            );
          });
        },
        afterAttempt: async (response) => {
          const now = Date.now();
          const observed = profile.readRateWindow?.(response.headers, now);
          const limitedUntil =
            response.status === 429
              ? now +
                (profile.resetDelay?.(response.headers) ?? retryAfterMs(response.headers) ?? 1000)
              : undefined;
          await rateBudget.observe(budgetKey, observed, limitedUntil);
        },
        remainingMs: () => this.activeScope().remainingMs(),
        deadlineError: () => this.activeScope().deadlineError(this.provider),
        renewAfterUnauthorized: profile.renewAfterUnauthorized,
      },
    );
  }

  /**
   * Waits for a turn at the credential's rate budget. A turn that would leave the call less than
   * `attemptMs` before the request's deadline is not taken: sent so late, the call would spend the
   * provider's budget for an answer that could not arrive in time.
   */
  private async takeRateTurn(budgetKey: string, attemptMs: number): Promise<void> {
    const scope = this.activeScope();
    const { rateBudget, metrics } = this.services;
    try {
      const waitedMs = await rateBudget.acquire(
        budgetKey,
        scope.caller,
        scope.deadlineAt - attemptMs,
      );
      metrics.rateTurn(this.provider, waitedMs);
    } catch (error) {
      if (!(error instanceof RateBudgetWaitTooLong)) throw error;
      metrics.rateTurn(this.provider, error.waitedMs);
      metrics.refused(this.provider, 'rate_budget');
      const retryAfterSeconds = Math.ceil(error.waitMs / 1000);
      throw new UpstreamError(
        `${this.label} rate limit for these credentials is used up; retry after ${retryAfterSeconds} s`,
        { provider: this.provider, code: ErrorCode.UPSTREAM_RATE_LIMITED, retryAfterSeconds },
      );
    }
  }

  /** Why a call with `method` goes to the provider, as far as the cache goes (for the debug log). */
  private cacheOutcome(method: string): CallCacheOutcome {
    if (method.toUpperCase() !== 'GET') return 'uncached';
    if (!this.services.cache) return 'off';
    if (backgroundScope()) return 'refresh';
    return this.scope.noCache ? 'bypass' : 'miss';
  }

  private get label(): string {
    return PROVIDER_LABELS[this.provider];
  }

  /** A background refresh runs in its own scope, not in the request that happened to start it. */
  private activeScope(): UpstreamScope {
    return backgroundScope() ?? this.scope;
  }
}

/** `<METHOD> <URL>` as method and URL. */
function splitResource(resource: string): [method: string, url: string] {
  const space = resource.indexOf(' ');
  return space < 0 ? ['GET', resource] : [resource.slice(0, space), resource.slice(space + 1)];
}
