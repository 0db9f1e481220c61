import { RouteTemplates } from '../http/route-templates';

/** Every route CruxClient calls, as the metrics and logs name them. */
export const CRUX_ROUTES = new RouteTemplates('/', [
  'GET organizations/',
  'GET organizations/connections/',
  'GET organizations/all_permissions/',
  'GET organizations/users/all/',
  'GET organizations/users/detail/:uuid/',
  'GET organizations/users/permissions/:uuid/',
]);
