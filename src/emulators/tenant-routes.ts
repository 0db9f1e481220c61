import type { Route } from './emulator-server';

/**
 * One route table per tenant behind one set of patterns. Each table comes from the same route factories
 * over its tenant's own data, so the tables line up route by route; a request is answered by the route of
 * the tenant whose credentials it carries. Routes that take no credentials (token grants, logins) have no
 * tenant to dispatch on and must find theirs themselves, so they are refused here.
 */
export function tenantRoutes(tables: ReadonlyMap<string, Route[]>): Route[] {
  const [first = [], ...others] = [...tables.values()];
  for (const table of others) {
    const aligned =
      table.length === first.length &&
      table.every((r, i) => r.method === first[i].method && r.pattern === first[i].pattern);
    if (!aligned) throw new Error('every tenant must have the same routes in the same order');
  }
  return first.map((route, i) => {
    if (route.authenticated === false) {
      throw new Error(`${route.method} ${route.pattern} takes no credentials: it has no tenant`);
    }
    return {
      ...route,
      handler: (request) => {
        const table = tables.get(request.tenant ?? '');
        if (!table) throw new Error(`no routes for tenant ${String(request.tenant)}`);
        return table[i].handler(request);
      },
    };
  });
}
