import { RouteTemplates } from '../http/route-templates';

/** Every route DatadogClient calls, as the metrics and logs name them. */
export const DATADOG_ROUTES = new RouteTemplates('/', [
  'GET api/v2/org_connections',
  'POST api/v2/org_connections',
  'PATCH api/v2/org_connections/:connection_id',
  'DELETE api/v2/org_connections/:connection_id',
]);
