/** Where one provider read came from, for the response's `extensions.upstream` and the metrics. */
export type ReadSource =
  /** From the provider, now. */
  | 'upstream'
  /** From the cache, within its freshness. */
  | 'fresh'
  /** From the cache, past its freshness, while one refresh runs. */
  | 'stale'
  /** From the cache, because the provider failed. */
  | 'stale-if-error';

export interface ReadOutcome {
  source: ReadSource;
  /** Epoch ms when the data was read from the provider. */
  readAt: number;
}
