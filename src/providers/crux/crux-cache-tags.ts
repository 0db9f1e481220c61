import { cacheTagsByRoute } from '../../cache/cache-tags';

/** Crux is read-only here: no write retires its reads, which expire with their freshness alone. */
export const CRUX_CACHE_TAGS = cacheTagsByRoute([]);
