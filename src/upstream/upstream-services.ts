import type { IncomingHttpHeaders } from 'node:http';
import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import { ProviderBreakers, type BreakerSettings } from '../breaker/provider-breakers';
import type { CachePolicy } from '../cache/cache-policy';
import { CredentialFingerprint } from '../cache/credential-fingerprint';
import { UpstreamCache } from '../cache/upstream-cache';
import type { Config } from '../config/config.type';
import { OrgraphMetrics } from '../metrics/orgraph-metrics';
import { ALL_PROVIDERS, type Provider } from '../model/provider';
import { RateBudget } from '../rate-budget/rate-budget';
import type { SharedStore } from '../shared-store/shared-store';
import { UpstreamGate } from './upstream-gate';
import { UpstreamScope } from './upstream-scope';

type LimitFunction = ReturnType<typeof pLimit>;

export interface UpstreamSettings {
  cachePolicies: Record<Provider, CachePolicy>;
  breaker: BreakerSettings;
  concurrency: number;
  requestDeadlineMs: number;
  requestCallBudget: number;
}

/**
 * What every request's upstream calls share, once per process: the cache and the rate budget (in the
 * shared store, so across replicas too), the breakers, the concurrency limits, the fingerprinting
 * secret and the metrics. Requests get a scope and, per provider and credential, a gate (see
 * UpstreamGate).
 */
export class UpstreamServices {
  readonly settings: UpstreamSettings;
  /** Undefined when caching is off (ORGRAPH_CACHE=false). */
  readonly cache: UpstreamCache | undefined;
  readonly rateBudget: RateBudget;
  readonly breakers: ProviderBreakers;
  /** This server's metrics (GET /metrics), observed at the gate. */
  readonly metrics: OrgraphMetrics;
  private readonly fingerprints: CredentialFingerprint;
  private readonly limits = new LRUCache<string, LimitFunction>({ max: 10_000 });

  constructor(
    config: Config,
    readonly store: SharedStore,
    /** The server's logger: upstream calls' debug lines go to a request's own when it has one. */
    readonly logger: Logger,
  ) {
    const { cache, economy } = config;
    this.settings = {
      cachePolicies: Object.fromEntries(
        ALL_PROVIDERS.map((provider) => [
          provider,
          {
            freshMs: cache.freshSeconds[provider] * 1000,
            staleWhileRevalidateMs:
              Math.max(cache.freshSeconds[provider], cache.staleWhileRevalidateSeconds) * 1000,
            maxAgeMs: cache.maxAgeSeconds * 1000,
          },
        ]),
      ) as Record<Provider, CachePolicy>,
      breaker: economy.breaker,
      concurrency: economy.concurrency,
      requestDeadlineMs: economy.requestDeadlineMs,
      requestCallBudget: economy.requestCallBudget,
    };
    this.metrics = new OrgraphMetrics({
      breakerStates: () => this.breakers.states(),
      storeFailures: () => ({
        cache: this.cache?.storeFailures ?? 0,
        rateBudget: this.rateBudget.storeFailures,
      }),
      storeErrors: () => store.errorCounts?.(),
    });
    this.cache = cache.enabled ? new UpstreamCache(store, logger) : undefined;
    this.rateBudget = new RateBudget(store, logger);
    this.breakers = new ProviderBreakers(economy.breaker, logger, (provider) =>
      this.metrics.breakerOpened(provider),
    );
    this.fingerprints = new CredentialFingerprint(config.store.secret);
  }

  /**
   * A request's scope, from its headers: `Cache-Control: no-cache` asks for fresh reads. `logger`: the
   * request's own, when it has one (its upstream calls' debug lines carry its fields).
   */
  scope(headers: IncomingHttpHeaders, caller: string, logger?: Logger): UpstreamScope {
    const cacheControl = String(headers['cache-control'] ?? '').toLowerCase();
    return new UpstreamScope({
      deadlineMs: this.settings.requestDeadlineMs,
      callBudget: this.settings.requestCallBudget,
      noCache: /\bno-cache\b|\bno-store\b/.test(cacheControl),
      caller,
      logger,
      onDeadline: (provider) => this.metrics.refused(provider, 'deadline'),
    });
  }

  /** The scope of a background refresh: a fresh deadline, no request's budget. */
  backgroundScope(): UpstreamScope {
    return new UpstreamScope({
      deadlineMs: this.settings.requestDeadlineMs,
      callBudget: Number.POSITIVE_INFINITY,
      noCache: true,
      caller: 'background',
      onDeadline: (provider) => this.metrics.refused(provider, 'deadline'),
    });
  }

  /** The gate for one provider and credential within a request. `credential`: what identifies it. */
  gate(
    scope: UpstreamScope,
    provider: Provider,
    baseUrl: string,
    credential: string[],
  ): UpstreamGate {
    const fingerprint = this.fingerprints.of(provider, baseUrl, ...credential);
    return new UpstreamGate(this, scope, provider, baseUrl, fingerprint);
  }

  /** Calls in flight at once for one provider and credential, across requests. */
  concurrencyLimit(key: string): LimitFunction {
    let limit = this.limits.get(key);
    if (!limit) {
      limit = pLimit(this.settings.concurrency);
      this.limits.set(key, limit);
    }
    return limit;
  }

  /** Forgets cached reads, learned rate windows and breaker states: a cold start (tests). */
  async reset(): Promise<void> {
    await this.cache?.settle();
    await this.store.clear();
    await this.rateBudget.clear();
    this.breakers.reset();
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}
