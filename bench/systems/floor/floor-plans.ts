import { AUTH0_PAGE_SIZE } from '../reference/api/auth0-api';
import { creatorSide, orgSides } from '../reference/model/datadog-refs';
import { floorClients, type FloorClients, type FloorEnv } from './floor-clients';
import { floorLookups } from './floor-lookups';
import {
  auth0ConnectionsOf,
  auth0MembersOf,
  auth0OrganizationsAfter,
  datadogListing,
  datadogNamesMissing,
  datadogRest,
} from './floor-reads';

export type { FloorEnv };

type Variables = Record<string, unknown> | undefined;
type Plan = (clients: FloorClients, variables: Variables) => Promise<unknown>;

/**
 * The floor: an ideal REST client per bench query (by file base name). Each makes the fewest calls
 * that query's answer needs, reads and parses every body, and sends every independent call at once;
 * it waits only where a call needs an earlier answer (ids, totals). Resolves to the calls made.
 */
const plans: Record<string, Plan> = {
  'flat-crux': ({ crux }) => crux.connections(),

  'flat-auth0': ({ auth0 }) => auth0.organizationsPage(0),

  // The first page of 1000 holds the 100 rows and tells the total.
  'flat-datadog': async ({ datadog }) => {
    const first = await datadog.page(0);
    const window = first.rows.slice(0, 100);
    if (datadogNamesMissing(window, first.rows, orgSides)) await datadogRest(datadog, first);
  },

  // Datadog's orgs exist only in its listing: all of it. Auth0: the first page, then 20 orgs' connections.
  deep: ({ crux, auth0, datadog }) =>
    Promise.all([
      crux.connections(),
      auth0
        .organizationsPage(0)
        .then((first) => auth0ConnectionsOf(auth0, first.items.slice(0, 20))),
      datadogListing(datadog),
    ]),

  // 10 users: Crux's, then Auth0's. Past 10 Crux users the page is full and more follow; otherwise
  // Auth0's users (every member of every organization) are counted and their roles' holders listed.
  'users-permissions-users': async ({ crux, auth0 }) => {
    const users = await crux.users();
    if (users.length > 10) return;
    const orgs = await auth0OrganizationsAfter(auth0, await auth0.organizationsPage(0));
    await auth0MembersOf(auth0, orgs);
  },

  mixed: ({ crux, auth0, datadog }) =>
    Promise.all([
      crux.connections(),
      auth0
        .organizationsPage(0)
        .then((first) => auth0ConnectionsOf(auth0, first.items.slice(0, 10))),
      datadog.page(0).then(async (first) => {
        const window = first.rows.slice(0, 10);
        const missing =
          datadogNamesMissing(window, first.rows, orgSides) ||
          datadogNamesMissing(window, first.rows, creatorSide);
        if (missing) await datadogRest(datadog, first);
      }),
    ]),

  'nodes-50': (clients, variables) => floorLookups(clients, stringsOf(variables?.ids)),

  'entities-100': (clients, variables) =>
    floorLookups(
      clients,
      (Array.isArray(variables?.representations) ? variables.representations : []).map(
        (r: unknown) => stringsOf([(r as { id?: unknown }).id])[0],
      ),
    ),

  // One invocation is the whole walk: every page of 1000 once, the later ones at once.
  'walk-pages': ({ datadog }) => datadogListing(datadog),

  // 500 organizations with totals: Crux's listing, Auth0's total (and pages, when Crux holds fewer
  // than 500), all of Datadog (its org count); connections and Crux users from their listings.
  'full-listing': async ({ crux, auth0, datadog }) => {
    const [connections, , first] = await Promise.all([
      crux.connections(),
      crux.users(),
      auth0.organizationsPage(0),
      datadogListing(datadog),
    ]);
    const cruxOrgs = new Set(
      connections.flatMap((c) => [c.retailer.organization.uuid, c.supplier.organization.uuid]),
    ).size;
    const auth0Share = Math.min(first.total ?? 0, Math.max(0, 500 - cruxOrgs));
    const pages: number[] = [];
    for (let p = 1; p * AUTH0_PAGE_SIZE < auth0Share; p += 1) pages.push(p);
    await Promise.all(pages.map((p) => auth0.organizationsPage(p)));
  },
};

function stringsOf(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string'))
    throw new Error('The floor expects a list of IDs');
  return value;
}

export const floorPlans: Record<
  string,
  (env: FloorEnv, variables: Record<string, unknown> | undefined) => Promise<number>
> = Object.fromEntries(
  Object.entries(plans).map(([name, plan]) => [
    name,
    async (env: FloorEnv, variables: Variables) => {
      const clients = floorClients(env);
      await plan(clients, variables);
      return clients.calls();
    },
  ]),
);
