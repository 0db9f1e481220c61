import type { ObservedRateWindow } from '../../shared-store/rate-window';

/** Auth0's `x-ratelimit-reset` is an absolute epoch in seconds (Datadog's is seconds from now). */
export function auth0ResetDelay(headers: Headers): number | undefined {
  const reset = Number(headers.get('x-ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - Date.now()) : undefined;
}

/** `x-ratelimit-limit`, `-remaining` and `-reset` (epoch seconds); undefined when any is missing. */
export function auth0RateWindow(headers: Headers): ObservedRateWindow | undefined {
  const limit = Number(headers.get('x-ratelimit-limit') ?? NaN);
  const remaining = Number(headers.get('x-ratelimit-remaining') ?? NaN);
  const reset = Number(headers.get('x-ratelimit-reset') ?? NaN);
  if (![limit, remaining, reset].every(Number.isFinite) || limit <= 0) return undefined;
  return { limit, remaining: Math.max(0, remaining), resetAt: reset * 1000 };
}
