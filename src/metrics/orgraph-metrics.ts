import { ApolloServerErrorCode } from '@apollo/server/errors';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BreakerState } from '../breaker/provider-breakers';
import type { ReadSource } from '../cache/read-outcome';
import { ErrorCode } from '../errors/error-code';
import { ALL_PROVIDERS, type Provider } from '../model/provider';
import type { StoreErrorKind } from '../shared-store/shared-store';
import { OperationNames, UNKNOWN_OPERATION } from './operation-names';
import { shippedOperationNames } from './shipped-operation-names';

/** ok: data, no error; partial: data and errors; error: no data; refused: stopped before it ran. */
export type GraphQLOutcome = 'ok' | 'partial' | 'error' | 'refused';

/** What became of one HTTP attempt at a provider. */
export type UpstreamCallOutcome =
  | 'ok'
  | 'redirect'
  | 'client_error'
  | 'rate_limited'
  | 'server_error'
  | 'timeout'
  | 'network_error';

/** Why orgraph did not make (or stopped waiting for) a provider call. */
export type RefusalReason = 'call_budget' | 'rate_budget' | 'deadline' | 'breaker_open';

/** Counts their owners keep, read at each scrape. */
export interface MetricsSources {
  breakerStates(): Iterable<readonly [Provider, BreakerState]>;
  storeFailures(): { cache: number; rateBudget: number };
  /** Undefined for a store that cannot fail (memory). */
  storeErrors(): Readonly<Record<StoreErrorKind, number>> | undefined;
}

const BREAKER_VALUES: Record<BreakerState, number> = { closed: 0, open: 1, 'half-open': 2 };
/** When one provider has several breakers (several base URLs), the gauge shows the worst. */
const BREAKER_RANK: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

const CACHE_OUTCOMES: Record<ReadSource, string> = {
  fresh: 'hit',
  upstream: 'miss',
  stale: 'stale',
  'stale-if-error': 'stale_if_error',
};

/** Error codes orgraph and Apollo give; anything else (a library's own) is counted as `other`. */
const KNOWN_CODES: ReadonlySet<string> = new Set<string>([
  ...Object.values(ErrorCode),
  ...Object.values(ApolloServerErrorCode),
]);

const GRAPHQL_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30];
const UPSTREAM_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * orgraph's own metrics (all `orgraph_`), in a registry of one server's: tests that start several
 * servers in one process never share a series. Every label value comes from a bounded set (operation
 * names through OperationNames, routes as their providers' templates, codes from the known ones): no
 * id, URL or credential ever becomes a label.
 */
export class OrgraphMetrics {
  readonly registry = new Registry();
  private readonly operations: OperationNames;
  private readonly graphqlRequests: Counter<'operation' | 'outcome'>;
  private readonly graphqlDuration: Histogram<'operation' | 'outcome'>;
  private readonly graphqlErrors: Counter<'code'>;
  private readonly upstreamCalls: Counter<'provider' | 'route' | 'status' | 'outcome'>;
  private readonly upstreamDuration: Histogram<'provider' | 'route' | 'outcome'>;
  private readonly upstreamRetries: Counter<'provider' | 'route'>;
  private readonly upstreamRateLimited: Counter<'provider'>;
  private readonly rateWaits: Counter<'provider'>;
  private readonly rateWaitSeconds: Counter<'provider'>;
  private readonly refusals: Counter<'provider' | 'reason'>;
  private readonly breakerOpens: Counter<'provider'>;
  private readonly cacheReads: Counter<'provider' | 'outcome'>;

  constructor(sources: MetricsSources, options: { maxOperationNames?: number } = {}) {
    this.operations = new OperationNames(shippedOperationNames(), options.maxOperationNames);
    const registers = [this.registry];
    this.graphqlRequests = new Counter({
      name: 'orgraph_graphql_requests_total',
      help: 'GraphQL requests, by operation name (bounded: see README) and outcome (ok, partial, error, refused)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.graphqlDuration = new Histogram({
      name: 'orgraph_graphql_request_duration_seconds',
      help: 'GraphQL request latency, from the request to its response, by operation and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: GRAPHQL_SECONDS,
      registers,
    });
    this.graphqlErrors = new Counter({
      name: 'orgraph_graphql_errors_total',
      help: 'Errors in GraphQL responses, by extensions.code (unknown codes as other)',
      labelNames: ['code'],
      registers,
    });
    this.upstreamCalls = new Counter({
      name: 'orgraph_upstream_calls_total',
      help: 'HTTP attempts sent to the providers, by provider, route template, status (none: no answer) and outcome',
      labelNames: ['provider', 'route', 'status', 'outcome'],
      registers,
    });
    this.upstreamDuration = new Histogram({
      name: 'orgraph_upstream_call_duration_seconds',
      help: "HTTP attempts' time to the provider's response headers (or to the failure), by provider, route and outcome",
      labelNames: ['provider', 'route', 'outcome'],
      buckets: UPSTREAM_SECONDS,
      registers,
    });
    this.upstreamRetries = new Counter({
      name: 'orgraph_upstream_retries_total',
      help: 'Attempts sent again after a failed one (408, 429, 5xx, timeout, network error), by provider and route',
      labelNames: ['provider', 'route'],
      registers,
    });
    this.upstreamRateLimited = new Counter({
      name: 'orgraph_upstream_rate_limited_total',
      help: 'Answers of 429 Too Many Requests from the providers',
      labelNames: ['provider'],
      registers,
    });
    this.rateWaits = new Counter({
      name: 'orgraph_rate_budget_waits_total',
      help: "Calls that waited for a turn at their credential's rate budget",
      labelNames: ['provider'],
      registers,
    });
    this.rateWaitSeconds = new Counter({
      name: 'orgraph_rate_budget_wait_seconds_total',
      help: "Seconds calls waited for a turn at their credential's rate budget",
      labelNames: ['provider'],
      registers,
    });
    this.refusals = new Counter({
      name: 'orgraph_upstream_refusals_total',
      help: 'Provider calls orgraph refused or gave up: call_budget, rate_budget (wait past the deadline) and breaker_open per call; deadline once per request and provider',
      labelNames: ['provider', 'reason'],
      registers,
    });
    new Gauge({
      name: 'orgraph_breaker_state',
      help: "Each provider's circuit breaker: 0 closed, 1 open, 2 half-open",
      labelNames: ['provider'],
      registers,
      collect() {
        const worst = new Map<Provider, BreakerState>(ALL_PROVIDERS.map((p) => [p, 'closed']));
        for (const [provider, state] of sources.breakerStates()) {
          if (BREAKER_RANK[state] > BREAKER_RANK[worst.get(provider) ?? 'closed']) {
            worst.set(provider, state);
          }
        }
        for (const [provider, state] of worst) this.set({ provider }, BREAKER_VALUES[state]);
      },
    });
    this.breakerOpens = new Counter({
      name: 'orgraph_breaker_opens_total',
      help: "Times a provider's circuit breaker opened",
      labelNames: ['provider'],
      registers,
    });
    this.cacheReads = new Counter({
      name: 'orgraph_cache_reads_total',
      help: 'Provider reads through the cache, by provider and outcome (hit, miss, stale, stale_if_error)',
      labelNames: ['provider', 'outcome'],
      registers,
    });
    new Counter({
      name: 'orgraph_shared_store_failures_total',
      help: 'Reads and writes of the shared store that failed, by component (cache, rate_budget); each went on without the store',
      labelNames: ['component'],
      registers,
      collect() {
        const failures = sources.storeFailures();
        this.reset();
        this.inc({ component: 'cache' }, failures.cache);
        this.inc({ component: 'rate_budget' }, failures.rateBudget);
      },
    });
    new Counter({
      name: 'orgraph_redis_errors_total',
      help: 'Redis failures: command (failed), timeout, backoff (refused at once after a failure), connection',
      labelNames: ['kind'],
      registers,
      collect() {
        const errors = sources.storeErrors();
        this.reset();
        if (!errors) return;
        for (const [kind, count] of Object.entries(errors)) this.inc({ kind }, count);
      },
    });
  }

  /**
   * One GraphQL request. `operation`: the name of the operation it ran (null when anonymous), or
   * undefined when it never got to one.
   */
  graphqlRequest(
    operation: string | null | undefined,
    outcome: GraphQLOutcome,
    seconds?: number,
  ): void {
    const labels = {
      operation: operation === undefined ? UNKNOWN_OPERATION : this.operations.label(operation),
      outcome,
    };
    this.graphqlRequests.inc(labels);
    if (seconds !== undefined) this.graphqlDuration.observe(labels, seconds);
  }

  graphqlErrorCodes(codes: readonly unknown[]): void {
    for (const code of codes) {
      this.graphqlErrors.inc({
        code: typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'other',
      });
    }
  }

  /** One HTTP attempt that left for the provider. `status`: undefined when no answer came. */
  upstreamCall(call: {
    provider: Provider;
    route: string;
    status: number | undefined;
    outcome: UpstreamCallOutcome;
    seconds: number;
  }): void {
    const { provider, route, status, outcome } = call;
    this.upstreamCalls.inc({ provider, route, status: statusLabel(status), outcome });
    this.upstreamDuration.observe({ provider, route, outcome }, call.seconds);
    if (status === 429) this.upstreamRateLimited.inc({ provider });
  }

  upstreamRetry(provider: Provider, route: string): void {
    this.upstreamRetries.inc({ provider, route });
  }

  /** A turn at the rate budget, granted or refused after `waitedMs` of waiting (0: at once). */
  rateTurn(provider: Provider, waitedMs: number): void {
    if (waitedMs <= 0) return;
    this.rateWaits.inc({ provider });
    this.rateWaitSeconds.inc({ provider }, waitedMs / 1000);
  }

  refused(provider: Provider, reason: RefusalReason): void {
    this.refusals.inc({ provider, reason });
  }

  breakerOpened(provider: Provider): void {
    this.breakerOpens.inc({ provider });
  }

  cacheRead(provider: Provider, source: ReadSource): void {
    this.cacheReads.inc({ provider, outcome: CACHE_OUTCOMES[source] });
  }
}

/** The outcome an answer's status means. */
export function outcomeOfStatus(status: number): UpstreamCallOutcome {
  if (status === 429) return 'rate_limited';
  if (status >= 500 || status === 408) return 'server_error';
  if (status >= 400) return 'client_error';
  if (status >= 300) return 'redirect';
  return 'ok';
}

function statusLabel(status: number | undefined): string {
  if (status === undefined) return 'none';
  return Number.isInteger(status) && status >= 100 && status <= 599 ? String(status) : 'other';
}
