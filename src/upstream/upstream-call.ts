import { performance } from 'node:perf_hooks';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import {
  outcomeOfStatus,
  type OrgraphMetrics,
  type UpstreamCallOutcome,
} from '../metrics/orgraph-metrics';
import type { Provider } from '../model/provider';

/**
 * Why a call went to the provider, as far as the cache goes: a miss, a background refresh, a caller's
 * `no-cache` (bypass), the cache turned off, or a call that is never cached (not a GET).
 */
export type CallCacheOutcome = 'miss' | 'refresh' | 'bypass' | 'off' | 'uncached';

/**
 * One provider call through the gate, over all its attempts (retries, redirect hops, a renewal after
 * a 401): each attempt that leaves is counted in the metrics and logged at debug level under its route
 * template, never its URL, headers or body.
 */
export class UpstreamCall {
  private attempts = 0;
  private previousFailed = false;

  constructor(
    private readonly metrics: OrgraphMetrics,
    private readonly logger: Logger,
    readonly provider: Provider,
    readonly route: string,
    private readonly cache: CallCacheOutcome,
  ) {}

  /** Sends one attempt and records what came of it: its status, or that none came. */
  async send(send: () => Promise<Response>): Promise<Response> {
    this.attempts += 1;
    if (this.previousFailed) this.metrics.upstreamRetry(this.provider, this.route);
    const started = performance.now();
    try {
      const response = await send();
      const outcome = outcomeOfStatus(response.status);
      this.previousFailed = outcome === 'server_error' || outcome === 'rate_limited';
      this.record(response.status, outcome, started);
      return response;
    } catch (error) {
      // Refused before it left (the request's deadline had passed): not a call.
      if (error instanceof GraphQLError) throw error;
      this.previousFailed = true;
      // Not `instanceof Error`: fetch's timeout is a DOMException.
      const timedOut = (error as { name?: unknown } | null)?.name === 'TimeoutError';
      this.record(undefined, timedOut ? 'timeout' : 'network_error', started);
      throw error;
    }
  }

  private record(status: number | undefined, outcome: UpstreamCallOutcome, started: number): void {
    const ms = performance.now() - started;
    const { provider, route } = this;
    this.metrics.upstreamCall({ provider, route, status, outcome, seconds: ms / 1000 });
    this.logger.debug(
      {
        provider,
        route,
        status: status ?? null,
        outcome,
        durationMs: Math.round(ms),
        attempt: this.attempts,
        cache: this.cache,
      },
      'upstream call',
    );
  }
}
