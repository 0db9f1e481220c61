import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import pLimit from 'p-limit';
import { retryAfterMs, type ResetDelayReader } from './rate-limit-headers';

export interface RetryPolicy {
  /** Retries after the first attempt, for 408, 429, 5xx and network failures. */
  retries: number;
  /** Per attempt. */
  timeoutMs: number;
  /**
   * The longest wait before a retry. A provider asking for more (a rate-limit window of a minute) is not
   * waited for: the caller gets UPSTREAM_RATE_LIMITED with the delay instead of a hanging request.
   */
  maxRetryDelayMs: number;
  /** The provider's own reset header, read when Retry-After is absent. */
  resetDelay?: ResetDelayReader;
  /**
   * Requests in flight at once through this fetcher, which serves one provider for one GraphQL request:
   * listing the members of 250 Auth0 organizations should not fire 250 calls at once at a tenant
   * limited to bursts of 10. Concurrent GraphQL requests each have their own allowance.
   */
  maxConcurrency?: number;
}

export const DEFAULT_MAX_CONCURRENCY = 8;

const RETRIABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Node's fetch with a timeout per attempt and retries the way the providers' own SDKs do them: honour
 * Retry-After, then the provider's reset header, then exponential backoff with jitter.
 */
export function createRetryingFetch(policy: RetryPolicy): Fetcher {
  const limit = pLimit(policy.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY);
  return (url, init) => limit(() => fetchWithRetries(policy, url, init));
}

async function fetchWithRetries(
  policy: RetryPolicy,
  url: string,
  init?: FetcherRequestInit,
): Promise<FetcherResponse> {
  for (let attempt = 0; ; attempt += 1) {
    const last = attempt >= policy.retries;
    let response: Response;
    try {
      response = await fetch(url, {
        ...(init as RequestInit),
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
    } catch (error) {
      if (last) throw error;
      await sleep(backoffMs(attempt));
      continue;
    }
    if (last || !RETRIABLE_STATUSES.has(response.status)) {
      return response as unknown as FetcherResponse;
    }
    const wait =
      retryAfterMs(response.headers) ?? policy.resetDelay?.(response.headers) ?? backoffMs(attempt);
    if (wait > policy.maxRetryDelayMs) return response as unknown as FetcherResponse;
    await response.arrayBuffer().catch(() => undefined); // free the connection before retrying
    await sleep(wait);
  }
}

function backoffMs(attempt: number): number {
  const base = 100 * 2 ** attempt;
  return base + Math.floor(Math.random() * base);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
