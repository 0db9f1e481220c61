import type { Organization } from '../../../../src/graph/organization/organization.type';
import type { User } from '../../../../src/graph/user/user.type';
import { Provider } from '../../../../src/model/provider';
import { mapOrganization, mapUser, nameOf } from '../../../../src/providers/datadog/datadog-mapper';
import type {
  DatadogOrgConnection,
  DatadogRelationshipData,
} from '../../../../src/providers/datadog/datadog.schemas';
import type { DatadogApi } from '../api/datadog-api';
import { byCreation } from '../model/by-creation';
import { linkDatadogConnection } from '../model/datadog-linked';
import { bestNamedRefs, creatorSide, orgSides, type RefSides } from '../model/datadog-refs';
import type { LinkedConnection } from '../model/links';
import { mappedView, memoized, type ListView } from '../model/list-view';
import type { PagePart } from '../paging/merged-page';
import { DatadogListing, type DatadogRows } from './datadog-listing';
import { wholeListPart, type ProviderAccess } from './provider-access';
import type { Strategy } from './strategy';

type Refs = Map<string, DatadogRelationshipData>;

/**
 * Datadog: orgs and users exist only inside the org connection rows. Connection windows cost the
 * pages that hold them; org and user lists need the whole listing; a lookup by id reads the first
 * page, and the rest of the listing only when that page does not name what is looked up.
 */
export class DatadogAccess implements ProviderAccess {
  readonly provider = Provider.DATADOG;
  readonly organizations = wholeListPart(() =>
    this.listed('organizations', orgSides, mapOrganization),
  );
  readonly connections: PagePart<LinkedConnection> = {
    count: (near) => this.listing.count(near),
    page: async (from, count) => (await this.listing.window(from, count)).map(this.link),
  };
  readonly users = wholeListPart(() => this.listed('users', creatorSide, mapUser));

  private readonly listing: DatadogListing;
  /** Each row mapped once per request, however many lists and lookups read it. */
  private readonly link = memoized(linkDatadogConnection);

  constructor(
    api: DatadogApi,
    private readonly strategy: Strategy,
  ) {
    this.listing = new DatadogListing(api, strategy);
  }

  organizationsByKey(keys: readonly string[]): Promise<Array<Organization | null>> {
    return Promise.all(
      keys.map((key) => this.lookUp(key, 'organizations', orgSides, mapOrganization)),
    );
  }

  connectionsByKey(keys: readonly string[]): Promise<Array<LinkedConnection | null>> {
    return Promise.all(
      keys.map(async (key) => {
        const row =
          (await this.byId('first', () => this.listing.page(0))).get(key) ??
          (await this.byId('all', () => this.listing.all())).get(key);
        return row ? this.link(row) : null;
      }),
    );
  }

  user(key: string): Promise<User | null> {
    return this.lookUp(key, 'users', creatorSide, mapUser);
  }

  /**
   * Batched: from the listing (the deep query reads it anyway for the orgs). Naive: the org's rows as
   * source and as sink, two filtered listings, as a per-field resolver would ask.
   */
  async connectionsOf(organizationKey: string): Promise<ListView<LinkedConnection>> {
    if (this.strategy.batches) {
      const index = await this.strategy.once('datadog:by-organization', async () =>
        byOrganization((await this.listing.all()).rows),
      );
      return mappedView(index.get(organizationKey) ?? [], this.link);
    }
    const [asSource, asSink] = await Promise.all([
      this.listing.filtered({ sourceOrgId: organizationKey }),
      this.listing.filtered({ sinkOrgId: organizationKey }),
    ]);
    const seen = new Set<string>();
    const rows = [...asSource, ...asSink].filter((r) => !seen.has(r.id) && Boolean(seen.add(r.id)));
    return mappedView(byCreation(rows), this.link);
  }

  usersWithPermission(): Promise<User[]> {
    return Promise.resolve([]); // Datadog users hold no permissions in the graph
  }

  /**
   * An org or user by id as orgraph names it: its first named occurrence in the listing, else its
   * first. The first page answers when it names the object, sparing the rest of the listing.
   */
  private async lookUp<T>(
    key: string,
    what: 'organizations' | 'users',
    sides: RefSides,
    map: (data: DatadogRelationshipData) => T,
  ): Promise<T | null> {
    const inFirst = (await this.refs(`${what}:first`, sides, () => this.listing.page(0))).get(key);
    if (inFirst && nameOf(inFirst) !== null) return map(inFirst);
    const inAll = (await this.refs(`${what}:all`, sides, () => this.listing.all())).get(key);
    return inAll ? map(inAll) : null;
  }

  /** Every org or user the listing names, in order of first appearance. */
  private async listed<T>(
    what: 'organizations' | 'users',
    sides: RefSides,
    map: (data: DatadogRelationshipData) => T,
  ): Promise<ListView<T>> {
    const refs = await this.refs(`${what}:all`, sides, () => this.listing.all());
    return mappedView([...refs.values()], map);
  }

  private refs(key: string, sides: RefSides, rows: () => Promise<DatadogRows>): Promise<Refs> {
    return this.strategy.once(`datadog:refs:${key}`, async () =>
      bestNamedRefs((await rows()).rows, sides),
    );
  }

  private byId(
    key: string,
    rows: () => Promise<DatadogRows>,
  ): Promise<Map<string, DatadogOrgConnection>> {
    return this.strategy.once(
      `datadog:by-id:${key}`,
      async () => new Map((await rows()).rows.map((row) => [row.id, row])),
    );
  }
}

/** Each org's connections, either side, in orgraph's order. */
function byOrganization(
  rows: readonly DatadogOrgConnection[],
): Map<string, DatadogOrgConnection[]> {
  const index = new Map<string, DatadogOrgConnection[]>();
  for (const row of rows) {
    const { source_org, sink_org } = row.relationships;
    for (const key of new Set([source_org?.data.id, sink_org?.data.id])) {
      if (key === undefined) continue;
      let list = index.get(key);
      if (!list) index.set(key, (list = []));
      list.push(row);
    }
  }
  for (const [key, list] of index) index.set(key, byCreation(list));
  return index;
}
