import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import pLimit from 'p-limit';
import { upstreamHeaders } from '../../correlation/upstream-headers';
import { traceAttempt } from '../../tracing/upstream-spans';
import { discardBody } from './capped-body';
import { retryAfterMs, type ResetDelayReader } from './rate-limit-headers';
import {
  isRedirect,
  MAX_REDIRECTS,
  RedirectRefused,
  redirectedRequest,
} from './same-origin-redirect';
import { AttemptTimeout } from './timeout-signal';
import { writeAttemptsOf } from './write-attempts';

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
  /** Requests in flight at once through this fetcher (tests; production paces in the upstream gate). */
  maxConcurrency?: number;
}

/**
 * What the upstream gate adds around each attempt (see upstream-gate.ts). A GraphQLError thrown by a
 * hook is final: it is not retried.
 */
export interface AttemptHooks {
  /** Before each attempt: the request's call budget, the provider's rate budget. */
  beforeAttempt?(): Promise<void>;
  /** Runs one attempt (the breaker and the concurrency limit wrap it). */
  run?(send: () => Promise<Response>): Promise<Response>;
  /** After each answer: what its rate-limit headers say. */
  afterAttempt?(response: Response): Promise<void>;
  /** What is left of the request's time: no attempt or wait runs past it. */
  remainingMs?(): number;
  /** A 401: fresh credentials for one more attempt, or undefined when there are none to get. */
  renewAfterUnauthorized?(init: RequestInit): Promise<RequestInit | undefined>;
  /** The request's deadline passed during an attempt or a wait. */
  deadlineError?(): Error;
}

const RETRIABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Node's fetch with a timeout per attempt and retries the way the providers' own SDKs do them: honour
 * Retry-After, then the provider's reset header, then exponential backoff with jitter; never past the
 * request's deadline. Redirects are followed here, not by fetch, and only on the same origin: fetch would
 * carry every header but Authorization (Datadog's keys, a Crux token) and a 307's body (Auth0's client
 * secret) to any host a redirect names. A redirect elsewhere throws RedirectRefused, not retried.
 * Every attempt carries the request's correlation headers (User-Agent, x-request-id, traceparent) and,
 * with tracing on, is a span of its own. A write that is not idempotent (its init carries WriteAttempts,
 * see write-attempts.ts) is sent once: no retry after a status, a timeout or a broken connection.
 */
export function createRetryingFetch(policy: RetryPolicy, hooks: AttemptHooks = {}): Fetcher {
  const fetcher: Fetcher = (url, init) => fetchWithRetries(policy, hooks, url, init);
  if (policy.maxConcurrency === undefined) return fetcher;
  const limit = pLimit(policy.maxConcurrency);
  return (url, init) => limit(() => fetcher(url, init));
}

async function fetchWithRetries(
  policy: RetryPolicy,
  hooks: AttemptHooks,
  url: string,
  init?: FetcherRequestInit,
): Promise<FetcherResponse> {
  let request = init as RequestInit | undefined;
  let target = url;
  let redirects = 0;
  let renewed = false;
  const remaining = () => hooks.remainingMs?.() ?? Infinity;
  const pastDeadline = () => hooks.deadlineError?.() ?? new Error('deadline passed');
  const write = writeAttemptsOf(init);
  const retries = write && !write.retriable ? 0 : policy.retries;
  let sent = 0;
  for (let attempt = 0; ; attempt += 1) {
    const last = attempt >= retries;
    let left = false;
    // Past the deadline no attempt is counted against the request's budget, let alone sent.
    if (remaining() <= 0) throw pastDeadline();
    await hooks.beforeAttempt?.();
    let response: Response;
    try {
      // The time left is read when the call leaves: it may have waited for a turn since.
      const send = () => {
        const timeoutMs = Math.min(policy.timeoutMs, remaining());
        if (timeoutMs <= 0) throw pastDeadline();
        const timeout = new AttemptTimeout(timeoutMs);
        sent += 1;
        left = true;
        write?.leaving();
        return traceAttempt(sent, request?.method ?? 'GET', target, (traceHeaders) =>
          fetch(target, {
            ...request,
            headers: upstreamHeaders(request?.headers, traceHeaders),
            redirect: 'manual',
            signal: timeout.signal,
          }).then(
            (answer) => timeout.answered(answer),
            (error: unknown) => {
              timeout.cancel();
              throw error;
            },
          ),
        );
      };
      response = hooks.run ? await hooks.run(send) : await send();
    } catch (error) {
      if (left) write?.failed(error);
      if (error instanceof GraphQLError) throw error;
      if (remaining() <= 0) throw pastDeadline();
      if (last) throw error;
      await sleep(Math.min(backoffMs(attempt), remaining()));
      continue;
    }
    write?.answered();
    await hooks.afterAttempt?.(response);
    if (isRedirect(response)) {
      await discardBody(response);
      if (redirects >= MAX_REDIRECTS) throw new RedirectRefused('too-many', response.status);
      ({ url: target, init: request } = redirectedRequest(response, target, request));
      redirects += 1;
      attempt -= 1; // a redirect's hop is not a retry (it is a call: the budget counted it)
      continue;
    }
    if (response.status === 401 && !renewed && hooks.renewAfterUnauthorized && request) {
      const renewedRequest = await hooks.renewAfterUnauthorized(request);
      if (renewedRequest) {
        renewed = true;
        request = renewedRequest;
        await discardBody(response);
        attempt -= 1; // the renewal's retry is not one of the policy's
        continue;
      }
    }
    if (last || !RETRIABLE_STATUSES.has(response.status)) {
      return response as unknown as FetcherResponse;
    }
    const wait =
      retryAfterMs(response.headers) ?? policy.resetDelay?.(response.headers) ?? backoffMs(attempt);
    if (wait > policy.maxRetryDelayMs || wait >= remaining()) {
      return response as unknown as FetcherResponse;
    }
    await discardBody(response); // an error body is not read just to be thrown away
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
