import { cacheTagsByRoute } from '../../cache/cache-tags';

/** The org's connections: every page and filter of the listing reads them, every write changes them. */
const ORG_CONNECTIONS = () => ['org_connections'];

/** What Datadog's org connection calls read and write (routes as in datadog-routes.ts). */
export const DATADOG_CACHE_TAGS = cacheTagsByRoute([
  { route: 'GET|POST api/v2/org_connections', tags: ORG_CONNECTIONS },
  { route: 'GET|PATCH|DELETE api/v2/org_connections/:connection_id', tags: ORG_CONNECTIONS },
]);
