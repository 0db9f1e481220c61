import type { ReadOutcome } from '../cache/read-outcome';
import type { Provider } from '../model/provider';

/** What one GraphQL request cost upstream and how old its data is: `extensions.upstream`. */
export interface UpstreamReport {
  /** HTTP calls made to the providers for this request. */
  calls: number;
  /** Provider reads answered from the cache, and those that went to the provider. */
  cache: { hits: number; misses: number };
  /** Seconds since the oldest data in the response was read from its provider (0: all read now). */
  dataAgeSeconds: number;
  /** Some data is past its freshness: being refreshed, or served because its provider is failing. */
  stale: boolean;
  /** Providers whose failing calls were answered from older cached data. */
  staleProviders?: Provider[];
}

/** Collects a request's upstream outcomes. */
export class UpstreamStats {
  private calls = 0;
  private hits = 0;
  private misses = 0;
  private oldestReadAt: number | undefined;
  private stale = false;
  private readonly staleProviders = new Set<Provider>();

  countCall(): void {
    this.calls += 1;
  }

  uncountCall(): void {
    this.calls -= 1;
  }

  get callCount(): number {
    return this.calls;
  }

  record(provider: Provider, outcome: ReadOutcome): void {
    if (outcome.source === 'upstream') this.misses += 1;
    else this.hits += 1;
    if (outcome.source === 'stale' || outcome.source === 'stale-if-error') this.stale = true;
    if (outcome.source === 'stale-if-error') this.staleProviders.add(provider);
    this.oldestReadAt = Math.min(this.oldestReadAt ?? outcome.readAt, outcome.readAt);
  }

  report(now = Date.now()): UpstreamReport {
    const report: UpstreamReport = {
      calls: this.calls,
      cache: { hits: this.hits, misses: this.misses },
      dataAgeSeconds:
        this.oldestReadAt === undefined
          ? 0
          : Math.max(0, Math.floor((now - this.oldestReadAt) / 1000)),
      stale: this.stale,
    };
    if (this.staleProviders.size > 0) report.staleProviders = [...this.staleProviders];
    return report;
  }
}
