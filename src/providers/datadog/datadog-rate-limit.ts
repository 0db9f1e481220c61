import type { ResetDelayReader } from '../http/rate-limit-headers';
import type { ObservedRateWindow } from '../../shared-store/rate-window';

/** Datadog's `X-RateLimit-Reset` is seconds until the window resets (Auth0's is an epoch time). */
export const datadogResetDelay: ResetDelayReader = (headers) => {
  const value = headers.get('x-ratelimit-reset');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
};

/** `X-RateLimit-Limit`, `-Remaining`, `-Reset` (seconds from now) and `-Period`. */
export function datadogRateWindow(headers: Headers, now: number): ObservedRateWindow | undefined {
  const limit = Number(headers.get('x-ratelimit-limit') ?? NaN);
  const remaining = Number(headers.get('x-ratelimit-remaining') ?? NaN);
  const resetIn = datadogResetDelay(headers);
  if (
    !Number.isFinite(limit) ||
    !Number.isFinite(remaining) ||
    resetIn === undefined ||
    limit <= 0
  ) {
    return undefined;
  }
  const period = Number(headers.get('x-ratelimit-period') ?? NaN);
  return {
    limit,
    remaining: Math.max(0, remaining),
    resetAt: now + resetIn,
    periodMs: Number.isFinite(period) && period > 0 ? period * 1000 : undefined,
  };
}
