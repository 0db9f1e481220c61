import type { Logger } from 'pino';
import { ErrorCode } from '../errors/error-code';
import { UpstreamError } from '../errors/upstream-error';
import type { Provider } from '../model/provider';
import { PROVIDER_LABELS } from '../providers/provider-labels';
import { UpstreamStats } from './upstream-stats';

export interface UpstreamScopeOptions {
  /** The request's overall deadline: no upstream attempt, retry or rate wait runs past it. */
  deadlineMs: number;
  /** Upstream calls the request may make; what it needs past that is refused. */
  callBudget: number;
  /** The caller sent `Cache-Control: no-cache`. */
  noCache: boolean;
  /** Who is asking, for fair turns at a shared rate budget (never a credential). */
  caller: string;
  /** The request's logger, for its upstream calls' debug lines. */
  logger?: Logger;
  /** Told the first time the deadline cuts a call to each provider short (metrics). */
  onDeadline?: (provider: Provider) => void;
}

/**
 * One GraphQL request's upstream allowance: its deadline, its budget of calls, whether it wants fresh
 * data, and what it cost. Created per request; `nodes`, aliases, `_entities` and edges all draw on it.
 */
export class UpstreamScope {
  readonly deadlineAt: number;
  readonly noCache: boolean;
  readonly caller: string;
  readonly callBudget: number;
  readonly logger: Logger | undefined;
  readonly stats = new UpstreamStats();
  private readonly onDeadline: ((provider: Provider) => void) | undefined;
  private readonly deadlineReported = new Set<Provider>();

  constructor(options: UpstreamScopeOptions) {
    this.deadlineAt = Date.now() + options.deadlineMs;
    this.noCache = options.noCache;
    this.caller = options.caller;
    this.callBudget = options.callBudget;
    this.logger = options.logger;
    this.onDeadline = options.onDeadline;
  }

  remainingMs(): number {
    return this.deadlineAt - Date.now();
  }

  /** Counts one call, or refuses it past the budget: the provider is spared it. */
  spendCall(provider: Provider): void {
    if (this.stats.callCount >= this.callBudget) {
      throw new UpstreamError(
        `This request reached its budget of ${this.callBudget} upstream calls; ${PROVIDER_LABELS[provider]} was not asked for the rest. Ask for fewer objects or smaller pages.`,
        { provider, code: ErrorCode.UPSTREAM_BUDGET_EXCEEDED },
      );
    }
    this.stats.countCall();
  }

  /** Gives back a call counted by spendCall that was refused before it left. */
  refundCall(): void {
    this.stats.uncountCall();
  }

  /**
   * `work`, or the deadline error if the request's deadline comes first: for waits outside the gate
   * (the server's Auth0 token). The work itself goes on, for the requests that share it.
   */
  async withinDeadline<T>(provider: Provider, work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.deadlineError(provider)), this.remainingMs());
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The error of a call the deadline cut short (or never let leave). */
  deadlineError(provider: Provider): UpstreamError {
    // Once per provider: the calls a request has in flight all meet the same deadline.
    if (!this.deadlineReported.has(provider)) {
      this.deadlineReported.add(provider);
      this.onDeadline?.(provider);
    }
    return new UpstreamError(
      `${PROVIDER_LABELS[provider]} did not answer within the request's deadline`,
      { provider, code: ErrorCode.UPSTREAM_UNAVAILABLE },
    );
  }
}
