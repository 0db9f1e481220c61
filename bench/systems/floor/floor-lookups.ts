import { decodeGlobalId, type GlobalIdParts } from '../../../src/model/global-id';
import { Provider } from '../../../src/model/provider';
import type { Auth0Organization } from '../../../src/providers/auth0/auth0.schemas';
import { AUTH0_OFFSET_REACH, AUTH0_PAGE_SIZE } from '../reference/api/auth0-api';
import { DATADOG_PAGE_SIZE } from '../reference/api/datadog-api';
import { orNullOn404 } from '../reference/http/get-json';
import { bestNamedRefs, orgSides } from '../reference/model/datadog-refs';
import { nameOf } from '../../../src/providers/datadog/datadog-mapper';
import type { FloorClients } from './floor-clients';
import { auth0OrganizationsAfter, datadogRest } from './floor-reads';

/**
 * Organizations and connections by global ID, at the fewest calls: Crux's one listing; for Auth0, one
 * GET for a single id, else the first offset page and then GETs or the listing for what it lacked;
 * for Datadog (no GET by id), the first page, and the rest of the listing only if it lacked an id.
 */
export async function floorLookups(clients: FloorClients, ids: readonly string[]): Promise<void> {
  const refs = ids.map((id) => decodeGlobalId(id));
  const at = (provider: Provider) => refs.filter((r) => r.provider === provider);
  for (const ref of refs) {
    if (
      ref.type !== 'Organization' &&
      !(ref.type === 'Connection' && ref.provider !== Provider.AUTH0)
    )
      throw new Error(`The floor does not look up ${ref.type} at ${ref.provider}`);
  }
  await Promise.all([
    at(Provider.CRUX).length > 0 ? clients.crux.connections() : undefined,
    auth0Organizations(clients, at(Provider.AUTH0)),
    datadogObjects(clients, at(Provider.DATADOG)),
  ]);
}

async function auth0Organizations(clients: FloorClients, refs: GlobalIdParts[]): Promise<void> {
  const keys = [...new Set(refs.map((r) => r.key))];
  if (keys.length === 0) return;
  if (keys.length === 1) {
    await orNullOn404(clients.auth0.organization(keys[0]));
    return;
  }
  const first = await clients.auth0.organizationsPage(0);
  const found = new Set(first.items.map((o: Auth0Organization) => o.id));
  const missing = keys.filter((k) => !found.has(k));
  if (missing.length === 0) return;
  const total = first.total ?? Infinity;
  const listingCalls =
    total <= AUTH0_OFFSET_REACH
      ? Math.ceil(total / AUTH0_PAGE_SIZE) - 1
      : Math.ceil(total / AUTH0_PAGE_SIZE);
  if (missing.length <= listingCalls)
    await Promise.all(missing.map((k) => orNullOn404(clients.auth0.organization(k))));
  else await auth0OrganizationsAfter(clients.auth0, first);
}

async function datadogObjects(clients: FloorClients, refs: GlobalIdParts[]): Promise<void> {
  if (refs.length === 0) return;
  const first = await clients.datadog.page(0);
  if (first.rows.length < DATADOG_PAGE_SIZE) return;
  const connections = new Set(first.rows.map((r) => r.id));
  const orgs = bestNamedRefs(first.rows, orgSides);
  const inFirst = (ref: GlobalIdParts) =>
    ref.type === 'Connection'
      ? connections.has(ref.key)
      : nameOf(orgs.get(ref.key) ?? { id: ref.key }) !== null;
  if (!refs.every(inFirst)) await datadogRest(clients.datadog, first);
}
