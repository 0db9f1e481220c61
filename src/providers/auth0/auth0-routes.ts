import { RouteTemplates } from '../http/route-templates';

/** Every Management API route Auth0Client calls, named as Auth0 documents them (under /api/v2/). */
export const AUTH0_ROUTES = new RouteTemplates('/api/v2/', [
  'GET organizations',
  'GET organizations/:id',
  'GET organizations/:id/connections',
  'GET organizations/:id/enabled_connections',
  'GET organizations/:id/members',
  'GET organizations/:id/members/:user_id/roles',
  'POST organizations/:id/connections',
  'PATCH organizations/:id/connections/:connection_id',
  'DELETE organizations/:id/connections/:connection_id',
  'POST organizations/:id/members',
  'DELETE organizations/:id/members',
  'POST organizations/:id/members/:user_id/roles',
  'DELETE organizations/:id/members/:user_id/roles',
  'GET roles',
  'GET roles/:id',
]);
