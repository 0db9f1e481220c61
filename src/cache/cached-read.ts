/** A validated provider read as the store keeps it. */
export interface CachedRead<T> {
  /** The value, as the provider's contract schema returned it. */
  value: T;
  /** Epoch ms when it was read from the provider. */
  readAt: number;
}

export function encodeCachedRead<T>(read: CachedRead<T>): string {
  return JSON.stringify({ t: read.readAt, v: read.value });
}

/** Undefined for anything that is not an entry of this shape (an older version's, a damaged one). */
export function decodeCachedRead<T>(text: string | undefined): CachedRead<T> | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as { t?: unknown; v?: unknown };
    if (typeof parsed.t !== 'number' || !('v' in parsed)) return undefined;
    return { readAt: parsed.t, value: parsed.v as T };
  } catch {
    return undefined;
  }
}
