/** Reads how long a provider wants us to wait, from its response headers. */
export type ResetDelayReader = (headers: Headers) => number | undefined;

/** `Retry-After` in seconds or as an HTTP date (RFC 9110), as milliseconds from now. */
export function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
