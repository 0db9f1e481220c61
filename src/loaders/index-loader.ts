import DataLoader from 'dataloader';

/**
 * A DataLoader that answers keys from one list (fetched once per request), null for a key the list lacks:
 * the batch contract of one result per key, in key order.
 */
export function indexLoader<T>(
  list: () => Promise<readonly T[]>,
  keyOf: (item: T) => string,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (keys) => {
    const byKey = new Map((await list()).map((item) => [keyOf(item), item]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}
