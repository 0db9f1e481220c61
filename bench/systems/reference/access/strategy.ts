/**
 * How a system spends upstream calls within one request. The resolvers and the provider logic are the
 * same for both; only this differs, so both answer alike and differ only in calls and CPU.
 */
export interface Strategy {
  readonly name: 'batched' | 'naive';
  /** `load` once per key for the request (batched), or on every use (naive). */
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
  /**
   * Batched: a lookup of many keys is planned as one (a listing page rather than a GET per key), and
   * objects fetched earlier in the request answer later lookups. Naive: each key is fetched by itself.
   */
  readonly batches: boolean;
}

/** Hand-written batching: every distinct call once per request, its promise shared. */
export function batchedStrategy(): Strategy {
  const started = new Map<string, Promise<unknown>>();
  return {
    name: 'batched',
    batches: true,
    once<T>(key: string, load: () => Promise<T>): Promise<T> {
      let pending = started.get(key) as Promise<T> | undefined;
      if (!pending) {
        pending = load();
        started.set(key, pending);
      }
      return pending;
    },
  };
}

/** What a first Apollo implementation does: each field resolver makes its own calls. */
export function naiveStrategy(): Strategy {
  return { name: 'naive', batches: false, once: (_key, load) => load() };
}
