import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context } from '@opentelemetry/api';

/** What a request's log lines and provider calls carry, so that they can be found together. */
export interface RequestCorrelation {
  requestId: string;
  /**
   * The caller's or router's trace context (ROOT_CONTEXT when it sent none): forwarded upstream as is
   * when orgraph records no spans of its own.
   */
  incomingTrace: Context;
}

const correlations = new AsyncLocalStorage<RequestCorrelation>();

/** Runs the rest of a request (its resolvers, provider calls and log lines) with its correlation. */
export function runCorrelated<T>(correlation: RequestCorrelation, work: () => T): T {
  return correlations.run(correlation, work);
}

/** The correlation of the request this code runs for; undefined outside any request. */
export function currentCorrelation(): RequestCorrelation | undefined {
  return correlations.getStore();
}
