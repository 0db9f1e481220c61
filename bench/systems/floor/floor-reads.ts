import type { Auth0Member, Auth0Organization } from '../../../src/providers/auth0/auth0.schemas';
import type { DatadogOrgConnection } from '../../../src/providers/datadog/datadog.schemas';
import { AUTH0_OFFSET_REACH, AUTH0_PAGE_SIZE, type Auth0Api } from '../reference/api/auth0-api';
import {
  DATADOG_PAGE_SIZE,
  type DatadogApi,
  type OrgConnectionPage,
} from '../reference/api/datadog-api';
import { auth0Pages } from '../reference/access/auth0-pages';
import { bestNamedRefs, type RefSides } from '../reference/model/datadog-refs';
import { nameOf } from '../../../src/providers/datadog/datadog-mapper';

/*
 * The reads several floor plans share: each the fewest calls, independent ones at once.
 */

/** The rest of the Datadog listing after its first page (which told the total), at once. */
export async function datadogRest(
  datadog: DatadogApi,
  first: OrgConnectionPage,
): Promise<DatadogOrgConnection[]> {
  if (first.rows.length < DATADOG_PAGE_SIZE) return first.rows;
  const indexes: number[] = [];
  for (let i = 1; i * DATADOG_PAGE_SIZE < (first.total ?? 0); i += 1) indexes.push(i);
  const pages = await Promise.all(indexes.map((i) => datadog.page(i)));
  return [first, ...pages].flatMap((page) => page.rows);
}

export async function datadogListing(datadog: DatadogApi): Promise<DatadogOrgConnection[]> {
  return datadogRest(datadog, await datadog.page(0));
}

/**
 * Every Auth0 organization after the first offset page: up to 1000, the other offset pages at once;
 * past that, the checkpoint listing (cursors chain, so one page after another).
 */
export async function auth0OrganizationsAfter(
  auth0: Auth0Api,
  first: { items: Auth0Organization[]; total?: number },
): Promise<Auth0Organization[]> {
  const total = first.total ?? first.items.length;
  if (first.items.length >= total) return first.items;
  if (total > AUTH0_OFFSET_REACH) {
    const all: Auth0Organization[] = [];
    for (let from: string | undefined; ;) {
      const page = await auth0.organizationsFrom(from);
      all.push(...page.items);
      if (!page.next || page.items.length < AUTH0_PAGE_SIZE) return all;
      from = page.next;
    }
  }
  const pages: number[] = [];
  for (let p = 1; p * AUTH0_PAGE_SIZE < total; p += 1) pages.push(p);
  const rest = await Promise.all(pages.map((p) => auth0.organizationsPage(p)));
  return [first, ...rest].flatMap((page) => page.items);
}

/** Each organization's identity connections, every organization at once. */
export function auth0ConnectionsOf(auth0: Auth0Api, orgs: readonly Auth0Organization[]) {
  return Promise.all(orgs.map((o) => auth0Pages((page) => auth0.connectionsPage(o.id, page))));
}

/** Each organization's members (checkpoint pages chain), every organization at once. */
export function auth0MembersOf(
  auth0: Auth0Api,
  orgs: readonly Auth0Organization[],
): Promise<Auth0Member[][]> {
  return Promise.all(
    orgs.map(async (o) => {
      const all: Auth0Member[] = [];
      for (let from: string | undefined; ;) {
        const page = await auth0.membersFrom(o.id, from);
        all.push(...page.items);
        if (!page.next || page.items.length < AUTH0_PAGE_SIZE) return all;
        from = page.next;
      }
    }),
  );
}

/**
 * Whether a window of Datadog rows names an org or creator only by id while no row of `seen` names it
 * either: orgraph then looks further, so the floor reads the rest of the listing too.
 */
export function datadogNamesMissing(
  window: readonly DatadogOrgConnection[],
  seen: readonly DatadogOrgConnection[],
  sides: RefSides,
): boolean {
  const named = bestNamedRefs(seen, sides);
  return window.some((row) =>
    sides(row).some(
      (data) => data && nameOf(data) === null && nameOf(named.get(data.id) ?? data) === null,
    ),
  );
}
