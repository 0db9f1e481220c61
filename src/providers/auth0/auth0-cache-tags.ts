import { cacheTagsByRoute } from '../../cache/cache-tags';

const connections = ({ id }: Readonly<Record<string, string>>) => [
  `organization:${id}:connections`,
];
const members = ({ id }: Readonly<Record<string, string>>) => [`organization:${id}:members`];

/**
 * What Auth0's organization calls read and write (routes as in auth0-routes.ts), per organization: a
 * write to one organization's connections or members retires those reads of it alone. The listing of
 * organizations and the tenant's roles change through no write orgraph makes, so they have no tags.
 * The members listing carries each member's roles, so a role write changes the members too.
 */
export const AUTH0_CACHE_TAGS = cacheTagsByRoute([
  // Both endpoints list the same connections (`enabled_connections` is the older one).
  { route: 'GET|POST organizations/:id/connections', tags: connections },
  { route: 'GET|PATCH|DELETE organizations/:id/connections/:connection_id', tags: connections },
  { route: 'GET|POST organizations/:id/enabled_connections', tags: connections },
  {
    route: 'GET|PATCH|DELETE organizations/:id/enabled_connections/:connection_id',
    tags: connections,
  },
  { route: 'GET|POST|DELETE organizations/:id/members', tags: members },
  { route: 'GET|POST|DELETE organizations/:id/members/:user_id/roles', tags: members },
]);
