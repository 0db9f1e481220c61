import DataLoader from 'dataloader';
import type { PagePart } from '../../graph/catalog/page-part';
import type { Connection } from '../../graph/connection/connection.type';
import type { Organization } from '../../graph/organization/organization.type';
import type { Permission } from '../../graph/permission/permission.type';
import type { User } from '../../graph/user/user.type';
import { once } from '../../loaders/once';
import { Provider } from '../../model/provider';
import type { ConnectionQuery, ProviderSource } from '../provider-source';
import type { OrgDataSharingWrites } from '../provider-writes';
import {
  remainingListingCalls,
  type DatadogClient,
  type OrgConnectionFilter,
} from './datadog-client';
import type { DatadogOrgConnection, DatadogOrgConnectionList } from './datadog.schemas';
import { mapConnection, mapOrganization, mapUser } from './datadog-mapper';
import { SeenRefs } from './datadog-seen-refs';

/** A page of the unfiltered listing as Datadog sent it, and its rows mapped. */
interface ListingPage {
  response: DatadogOrgConnectionList;
  connections: Connection[];
}

/**
 * Datadog in the unified model, for one request. Datadog has one list endpoint (org connections,
 * filterable by source or sink org, offset-paged); orgs and users exist only inside its rows. Every row
 * any call returns is mapped once and primed into the loaders, and every call is made at most once.
 * It writes org connections too: a write's answer replaces what this request knew of the connection
 * (listings read before the write in the same request keep their rows).
 */
export class DatadogSource implements ProviderSource, OrgDataSharingWrites {
  readonly provider = Provider.DATADOG;

  private readonly orgs = new SeenRefs(mapOrganization, (found) => this.listingUntil(found));
  private readonly people = new SeenRefs(mapUser, (found) => this.listingUntil(found));
  private readonly seenConnections = new Map<string, Connection>();
  private readonly connectionLoader = new DataLoader<string, Connection | null>(async (keys) => {
    await this.listingUntil(() => keys.every((key) => this.seenConnections.has(key)));
    return keys.map((key) => this.seenConnections.get(key) ?? null);
  });
  private readonly connectionsOfOrganization = new DataLoader<string, Connection[]>((keys) =>
    this.loadConnectionsOf(keys),
  );

  /** `meta.page.total_count` from the latest response: every connection of the account. */
  private knownTotal: number | undefined;
  /** Pages of the unfiltered listing fetched on their own, by offset: 0 is the probe. */
  private readonly listingPages = new Map<number, Promise<ListingPage>>();
  private fullListing: Promise<Connection[]> | undefined;
  private readonly filtered = new Map<string, Promise<Connection[]>>();

  private readonly organizationList = once(async () =>
    unique((await this.listing()).flatMap((c) => c.organizationRefs.map((r) => r.key)))
      .map((key) => this.orgs.get(key))
      .filter((org): org is Organization => org !== undefined),
  );
  private readonly userList = once(async () =>
    unique((await this.listing()).flatMap((c) => (c.createdByRef ? [c.createdByRef.key] : [])))
      .map((key) => this.people.get(key))
      .filter((user): user is User => user !== undefined),
  );

  constructor(private readonly client: DatadogClient) {}

  organizations(): Promise<Organization[]> {
    return this.organizationList();
  }

  /** Datadog orgs exist only inside the connection listing: count and pages come from it. */
  async organizationCount(): Promise<number> {
    return (await this.organizationList()).length;
  }

  async organizationPage(offset: number, limit: number): Promise<Organization[]> {
    return (await this.organizationList()).slice(offset, offset + limit);
  }

  organization(key: string): Promise<Organization | null> {
    return this.orgs.loader.load(key);
  }

  async connections(query: ConnectionQuery): Promise<Connection[]> {
    if (query.enabled !== undefined) return []; // Datadog connections have no enabled flag
    const org = query.organizationKey || undefined;
    const source = query.sourceOrganizationKey || undefined;
    const sink = query.sinkOrganizationKey || undefined;
    if (source === undefined && sink === undefined) {
      return org === undefined ? this.listing() : this.connectionsOfOrganization.load(org);
    }
    const rows = this.fullListing
      ? (await this.fullListing).filter(
          (c) =>
            (source === undefined || c.sourceRef?.key === source) &&
            (sink === undefined || c.sinkRef?.key === sink),
        )
      : await this.filteredListing({ sourceOrgId: source, sinkOrgId: sink });
    return org === undefined ? rows : rows.filter((c) => involves(c, org));
  }

  /**
   * The unfiltered listing a window at a time: the count from `meta.page.total_count` of the page the
   * window starts in, and the window from the pages that cover it, fetched at multiples of the page
   * size so that the upstream cache, keyed by URL, serves any later window within them. The rows and
   * their order are the full listing's, which answers instead once this request has started it.
   */
  connectionPages(): PagePart<Connection> {
    return {
      count: (from) => this.connectionCount(from),
      page: (from, count) => this.connectionWindow(from, count),
    };
  }

  connection(key: string): Promise<Connection | null> {
    return this.connectionLoader.load(key);
  }

  users(): Promise<User[]> {
    return this.userList();
  }

  user(key: string): Promise<User | null> {
    return this.people.loader.load(key);
  }

  usersOfOrganization(): Promise<User[]> {
    return Promise.resolve([]); // Datadog's API here lists no org members
  }

  organizationsOfUser(): Promise<Organization[]> {
    return Promise.resolve([]);
  }

  async connectionsCreatedBy(userKey: string): Promise<Connection[]> {
    return (await this.listing()).filter((c) => c.createdByRef?.key === userKey);
  }

  permissions(): Promise<Permission[]> {
    return Promise.resolve([]);
  }

  permission(): Promise<Permission | null> {
    return Promise.resolve(null);
  }

  usersWithPermission(): Promise<User[]> {
    return Promise.resolve([]);
  }

  async createOrgDataSharingConnection(input: {
    sinkOrganizationKey: string;
    connectionTypes: string[];
  }): Promise<Connection> {
    const row = await this.client.createOrgConnection(
      input.sinkOrganizationKey,
      input.connectionTypes,
    );
    return this.absorbWritten(row);
  }

  async updateOrgDataSharingConnection(
    connectionKey: string,
    changes: { connectionTypes: string[] },
  ): Promise<Connection> {
    const row = await this.client.updateOrgConnection(connectionKey, changes.connectionTypes);
    return this.absorbWritten(row);
  }

  async deleteOrgDataSharingConnection(connectionKey: string): Promise<void> {
    await this.client.deleteOrgConnection(connectionKey);
    this.seenConnections.delete(connectionKey);
    this.connectionLoader.clear(connectionKey).prime(connectionKey, null);
  }

  /**
   * A write's answer, mapped: it replaces the request's copy of the connection, and names its orgs
   * and creator for lookups (an update's answer carries ids only; names seen before are kept).
   */
  private absorbWritten(row: DatadogOrgConnection): Connection {
    this.orgs.see(row.relationships.source_org?.data);
    this.orgs.see(row.relationships.sink_org?.data);
    this.people.see(row.relationships.created_by?.data);
    const connection = mapConnection(row);
    this.seenConnections.set(row.id, connection);
    this.connectionLoader.clear(row.id).prime(row.id, connection);
    return connection;
  }

  /** Page 1 of the unfiltered listing: the listing's start, and the probe that tells the total. */
  private async probe(): Promise<DatadogOrgConnectionList> {
    return (await this.listingPage(0)).response;
  }

  /** The unfiltered listing's page at `offset`, a multiple of the page size; fetched once. */
  private listingPage(offset: number): Promise<ListingPage> {
    let page = this.listingPages.get(offset);
    if (!page) {
      page = this.client
        .listOrgConnections({ limit: this.client.pageSize, offset })
        .then((response) => ({
          response,
          connections: this.absorb(response.data, response.meta?.page?.total_count ?? undefined),
        }));
      this.listingPages.set(offset, page);
    }
    return page;
  }

  /** Where the page holding item `index` of the unfiltered listing starts. */
  private pageStart(index: number): number {
    return index - (index % this.client.pageSize);
  }

  private async connectionCount(from = 0): Promise<number> {
    if (!this.fullListing) {
      const { response } = await this.listingPage(this.pageStart(from));
      const total = response.meta?.page?.total_count;
      if (total !== undefined && total !== null) return total;
    }
    // Without a total, only the whole listing tells.
    return (await this.listing()).length;
  }

  private async connectionWindow(from: number, count: number): Promise<Connection[]> {
    if (this.fullListing) return (await this.fullListing).slice(from, from + count);
    const offsets: number[] = [];
    for (let offset = this.pageStart(from); offset < from + count; offset += this.client.pageSize)
      offsets.push(offset);
    const pages = await Promise.all(offsets.map((offset) => this.listingPage(offset)));
    const rows = pages.flatMap((page) => page.connections);
    const start = from - (offsets[0] ?? from);
    return rows.slice(start, start + count);
  }

  /**
   * For lookups by id: the listing until `found()` holds. Its first page comes first anyway (it tells
   * how many more follow), so stopping there when it names everything asked costs nothing.
   */
  private async listingUntil(found: () => boolean): Promise<void> {
    if (found()) return;
    if (!this.fullListing) {
      await this.probe();
      if (found()) return;
    }
    await this.listing();
  }

  /** Every connection, fetched once per request (from the probe on, if it was made). */
  private listing(): Promise<Connection[]> {
    return (this.fullListing ??= this.probe().then(async (first) => {
      const all = await this.client.allOrgConnections({}, first);
      return this.absorb(all.connections, all.totalCount);
    }));
  }

  private filteredListing(filter: OrgConnectionFilter): Promise<Connection[]> {
    const key = filterKey(filter);
    let rows = this.filtered.get(key);
    if (!rows) {
      rows = this.client
        .allOrgConnections(filter)
        .then((all) => this.absorb(all.connections, all.totalCount));
      this.filtered.set(key, rows);
    }
    return rows;
  }

  /** Connections of many orgs, by the cheaper of one full listing or two filtered listings per org. */
  private async loadConnectionsOf(orgKeys: readonly string[]): Promise<Connection[][]> {
    if (await this.listingIsCheaper(orgKeys)) {
      const all = await this.listing();
      return orgKeys.map((key) => byCreation(all.filter((c) => involves(c, key))));
    }
    return Promise.all(
      orgKeys.map(async (key) => {
        const [asSource, asSink] = await Promise.all([
          this.filteredListing({ sourceOrgId: key }),
          this.filteredListing({ sinkOrgId: key }),
        ]);
        return byCreation(unique([...asSource, ...asSink]));
      }),
    );
  }

  /**
   * The cost rule, in upstream calls. Per org: 2 filtered calls (source_org_id=X, sink_org_id=X), less
   * those already made this request; call that P. Full listing: ceil(total / page size) pages, less the
   * probe page if already fetched; call that L. Then:
   * - the listing is already started: use it (0 more calls);
   * - P = 0: per org (0 calls);
   * - total unknown and no probe yet: if P = 1, per org (a probe could at best tie); otherwise probe,
   *   i.e. fetch page 1 of the listing, which reports the total. A listing of one page is then complete
   *   (1 call, never more than P); else compare. A probe costs at most 1 call more than the best choice.
   * - L <= P: the listing (ties go to it: it also answers every later org, user and connection lookup);
   *   L > P: per org. A full first page without a total counts as "listing", paging until a short page.
   * Per-org calls beyond one page (an org with over 1000 connections on one side) are not foreseen.
   */
  private async listingIsCheaper(orgKeys: readonly string[]): Promise<boolean> {
    if (this.fullListing) return true;
    if (this.perOrgCalls(orgKeys) === 0) return false;
    const probed = this.listingPages.has(0);
    if (this.knownTotal === undefined && !probed && this.perOrgCalls(orgKeys) < 2) {
      return false;
    }
    const probe = probed || this.knownTotal === undefined ? this.probe() : undefined;
    const pageSize = this.client.pageSize;
    const listingCalls = probe
      ? remainingListingCalls(await probe, pageSize)
      : Math.max(1, Math.ceil((this.knownTotal ?? 0) / pageSize));
    // Another batch may have started the listing or made filtered calls while this one waited.
    if (this.fullListing || listingCalls === undefined) return true;
    return listingCalls <= this.perOrgCalls(orgKeys);
  }

  private perOrgCalls(orgKeys: readonly string[]): number {
    return orgKeys
      .flatMap((key) => [filterKey({ sourceOrgId: key }), filterKey({ sinkOrgId: key })])
      .filter((key) => !this.filtered.has(key)).length;
  }

  /** Maps rows once, remembers the total, and primes every org, user and connection they name. */
  private absorb(rows: DatadogOrgConnection[], totalCount: number | undefined): Connection[] {
    if (totalCount !== undefined) this.knownTotal = totalCount;
    return rows.map((row) => {
      this.orgs.see(row.relationships.source_org?.data);
      this.orgs.see(row.relationships.sink_org?.data);
      this.people.see(row.relationships.created_by?.data);
      let connection = this.seenConnections.get(row.id);
      if (!connection) {
        connection = mapConnection(row);
        this.seenConnections.set(row.id, connection);
        this.connectionLoader.prime(row.id, connection);
      }
      return connection;
    });
  }
}

function filterKey(filter: OrgConnectionFilter): string {
  return JSON.stringify([filter.sourceOrgId ?? null, filter.sinkOrgId ?? null]);
}

function involves(connection: Connection, orgKey: string): boolean {
  return connection.organizationRefs.some((r) => r.key === orgKey);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** One order whichever way the rows were fetched: oldest first, then by id. */
function byCreation(connections: Connection[]): Connection[] {
  const time = (c: Connection) => Date.parse(c.createdAt ?? '') || 0;
  return [...connections].sort(
    (a, b) =>
      time(a) - time(b) ||
      (a.createdAt ?? '').localeCompare(b.createdAt ?? '') ||
      a.key.localeCompare(b.key),
  );
}
