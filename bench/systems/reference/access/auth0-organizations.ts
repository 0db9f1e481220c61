import type { Organization } from '../../../../src/graph/organization/organization.type';
import type { Auth0Organization } from '../../../../src/providers/auth0/auth0.schemas';
import { isOrganizationId } from '../../../../src/providers/auth0/auth0-keys';
import { mapOrganization } from '../../../../src/providers/auth0/auth0-mapper';
import { AUTH0_OFFSET_REACH, AUTH0_PAGE_SIZE, type Auth0Api } from '../api/auth0-api';
import { orNullOn404 } from '../http/get-json';
import type { PagePart } from '../paging/merged-page';
import type { Strategy } from './strategy';

interface OrganizationPage {
  items: Organization[];
  total: number | undefined;
}

/**
 * Auth0's organizations for one request: offset pages of 100 (each with the total) within the first
 * 1000, the checkpoint listing past them, and GETs by id.
 */
export class Auth0Organizations implements PagePart<Organization> {
  /** Organizations this request fetched (batched only): a later lookup costs nothing. */
  private readonly known = new Map<string, Organization>();
  /** Whether `known` holds every organization (the whole listing was read). */
  private knowsAll = false;

  constructor(
    private readonly api: Auth0Api,
    private readonly strategy: Strategy,
  ) {}

  /** The total from the offset page `near` falls in, which the page of items will then reuse. */
  async count(near = 0): Promise<number> {
    const page = near < AUTH0_OFFSET_REACH ? Math.floor(near / AUTH0_PAGE_SIZE) : 0;
    const { total } = await this.offsetPage(page);
    return total ?? (await this.list()).length;
  }

  /** Only the offset pages that cover the window; past the offset reach, the whole listing. */
  async page(from: number, count: number): Promise<Organization[]> {
    const end = from + count;
    if (end > AUTH0_OFFSET_REACH) return (await this.list()).slice(from, end);
    const first = Math.floor(from / AUTH0_PAGE_SIZE);
    const pages: number[] = [];
    for (let page = first; page * AUTH0_PAGE_SIZE < end; page += 1) pages.push(page);
    const fetched = await Promise.all(pages.map((page) => this.offsetPage(page)));
    const start = from - first * AUTH0_PAGE_SIZE;
    return fetched.flatMap((page) => page.items).slice(start, start + count);
  }

  /**
   * Batched: organizations already fetched, then, for more than one unknown id, the first offset page
   * (the ids a client holds usually came from it), then GETs by id or the listing, whichever is fewer
   * calls. Naive: one GET per id.
   */
  async byKey(keys: readonly string[]): Promise<Array<Organization | null>> {
    if (this.strategy.batches) {
      const unknown = () => new Set(keys.filter((k) => isOrganizationId(k) && !this.known.has(k)));
      if (unknown().size > 1) {
        const first = await this.offsetPage(0);
        const left = unknown().size;
        if (left > 0 && left > listingCallsAfter(first)) await this.list();
      }
    }
    return Promise.all(keys.map((key) => this.one(key)));
  }

  /**
   * Every organization: the first offset page tells the total; up to 1000, the other offset pages go
   * out at once; past that, the checkpoint listing (one page after another, cursors chain).
   */
  list(): Promise<Organization[]> {
    return this.strategy.once('auth0:organization-list', async () => {
      const first = await this.offsetPage(0);
      let orgs: Organization[];
      if (listingCallsAfter(first) === 0) {
        orgs = first.items;
      } else if (first.total !== undefined && first.total <= AUTH0_OFFSET_REACH) {
        const rest: number[] = [];
        for (let p = 1; p * AUTH0_PAGE_SIZE < first.total; p += 1) rest.push(p);
        const pages = await Promise.all(rest.map((p) => this.offsetPage(p)));
        orgs = [first, ...pages].flatMap((page) => page.items);
      } else {
        orgs = (await this.checkpointListing()).map(mapOrganization);
      }
      this.remember(orgs);
      if (this.strategy.batches) this.knowsAll = true;
      return orgs;
    });
  }

  private async one(key: string): Promise<Organization | null> {
    if (!isOrganizationId(key)) return null;
    const known = this.known.get(key);
    if (known || this.knowsAll) return known ?? null;
    return this.strategy.once(`auth0:organization:${key}`, async () => {
      const raw = await orNullOn404(this.api.organization(key));
      return raw ? mapOrganization(raw) : null;
    });
  }

  private offsetPage(page: number): Promise<OrganizationPage> {
    return this.strategy.once(`auth0:organizations:${page}`, async () => {
      const listed = await this.api.organizationsPage(page);
      const items = listed.items.map(mapOrganization);
      this.remember(items);
      return { items, total: listed.total };
    });
  }

  private async checkpointListing(): Promise<Auth0Organization[]> {
    const all: Auth0Organization[] = [];
    for (let from: string | undefined; ;) {
      const listed = await this.api.organizationsFrom(from);
      all.push(...listed.items);
      // A short page is the last: following its `next` would cost a call that answers nothing.
      if (!listed.next || listed.items.length < AUTH0_PAGE_SIZE) return all;
      from = listed.next;
    }
  }

  private remember(orgs: readonly Organization[]): void {
    if (this.strategy.batches) for (const org of orgs) this.known.set(org.key, org);
  }
}

/** Calls the rest of the listing costs after the first offset page. */
function listingCallsAfter(first: OrganizationPage): number {
  if (first.items.length < AUTH0_PAGE_SIZE) return 0;
  if (first.total === undefined) return Infinity;
  if (first.items.length >= first.total) return 0;
  const pages = Math.ceil(first.total / AUTH0_PAGE_SIZE);
  // Past the offset reach the checkpoint listing starts over.
  return first.total <= AUTH0_OFFSET_REACH ? pages - 1 : pages;
}
