/** How long a provider's reads are served from the cache. */
export interface CachePolicy {
  /** Served as is while younger than this. */
  freshMs: number;
  /** Past fresh and younger than this: served at once while one refresh runs (stale-while-revalidate). */
  staleWhileRevalidateMs: number;
  /** Past that and younger than this: served, marked stale, only while the provider fails
   * (stale-if-error). Never served older. Entries expire from the store at this age. */
  maxAgeMs: number;
}
