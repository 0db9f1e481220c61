/** One Auth0 list answer: its items and, when sent, the total (offset paging) or next cursor. */
export interface Auth0Listed<T> {
  items: T[];
  total?: number;
  next?: string;
}

/**
 * Auth0 answers a bare array, or `{<key>: [...], total}` with include_totals, or `{<key>: [...], next}`
 * with checkpoint paging. Items are trusted as the provider's documented shape (no validation here).
 */
export function auth0Listed<T>(body: unknown, key: string): Auth0Listed<T> {
  if (Array.isArray(body)) return { items: body as T[] };
  if (typeof body !== 'object' || body === null) throw new Error(`Auth0 ${key}: not a list`);
  const envelope = body as Record<string, unknown>;
  const items = envelope[key];
  if (!Array.isArray(items)) throw new Error(`Auth0 ${key}: no ${key} array`);
  return {
    items: items as T[],
    total: typeof envelope.total === 'number' ? envelope.total : undefined,
    next: typeof envelope.next === 'string' ? envelope.next : undefined,
  };
}
