import type { Connection } from '../../graph/connection/connection.type';
import type { Organization } from '../../graph/organization/organization.type';
import type { User } from '../../graph/user/user.type';
import { mapShared } from '../../cache/shared-mapping';
import { indexLoader } from '../../loaders/index-loader';
import { once } from '../../loaders/once';
import { Provider } from '../../model/provider';
import type { ConnectionQuery, ProviderSource } from '../provider-source';
import type { CruxClient } from './crux-client';
import type { CruxConnection } from './crux.schemas';
import {
  connectionsByOrganization,
  mapConnections,
  mapOrganization,
  mapPermissions,
  mapUsers,
  organizationsOf,
} from './crux-mapper';

/**
 * Crux in the unified model, for one request. Crux's lists are unpaged, so each is fetched once and every
 * lookup is answered from it: a query of any depth costs at most one call per Crux endpoint.
 */
export class CruxSource implements ProviderSource {
  readonly provider = Provider.CRUX;

  /**
   * The connection listing as Crux sent it, until the two lists made from it exist. Then it is let
   * go: thousands of connections, each with both organizations whole, are the most a request holds.
   */
  private rawListing: Promise<CruxConnection[]> | undefined;
  private listsMadeFromRaw = 0;

  // Mapped through mapShared: a listing read from the cache is mapped once for every request.
  private readonly connectionList = this.fromRawListing((raw) => mapShared(raw, mapConnections));
  private readonly userList = once(async () => mapShared(await this.client.users(), mapUsers));
  private readonly permissionList = once(async () =>
    mapShared(await this.client.permissions(), mapPermissions),
  );
  private readonly ownOrganization = once(async () =>
    mapOrganization(await this.client.ownOrganization()),
  );

  /** Your organization is a side of every connection, so the connection list names every org there is. */
  private readonly organizationList = this.fromRawListing(async (connections) =>
    connections.length === 0
      ? [await this.ownOrganization()]
      : mapShared(connections, organizationsOf),
  );

  /**
   * Each organization's connections: one pass over the listing, rather than one per organization
   * whose connections are asked for (a deep query asks for hundreds).
   */
  private readonly connectionsOfOrganization = once(async () =>
    mapShared(await this.connectionList(), connectionsByOrganization),
  );

  private readonly organizationLoader = indexLoader(this.organizationList, (o) => o.key);
  private readonly connectionLoader = indexLoader(this.connectionList, (c) => c.key);
  private readonly userLoader = indexLoader(this.userList, (u) => u.key);
  private readonly permissionLoader = indexLoader(this.permissionList, (p) => p.key);

  constructor(private readonly client: CruxClient) {}

  organizations() {
    return this.organizationList();
  }

  /** Crux lists are unpaged: the count and any page come from the one listing. */
  async organizationCount() {
    return (await this.organizationList()).length;
  }

  async organizationPage(offset: number, limit: number) {
    return (await this.organizationList()).slice(offset, offset + limit);
  }

  async organization(key: string) {
    return (await this.organizationLoader.load(key)) ?? this.ownOrganizationIf(key);
  }

  async connections(query: ConnectionQuery): Promise<Connection[]> {
    // Crux connections have a retailer and a supplier, no source or sink, and no enabled flag.
    if (query.sourceOrganizationKey || query.sinkOrganizationKey || query.enabled !== undefined) {
      return [];
    }
    const orgKey = query.organizationKey;
    if (!orgKey) return this.connectionList();
    return (await this.connectionsOfOrganization()).get(orgKey) ?? [];
  }

  connection(key: string) {
    return this.connectionLoader.load(key);
  }

  users() {
    return this.userList();
  }

  user(key: string) {
    return this.userLoader.load(key);
  }

  /** Crux lists the users of your own organization only. */
  async usersOfOrganization(organizationKey: string): Promise<User[]> {
    const own = await this.ownOrganization();
    return own.key === organizationKey ? this.userList() : [];
  }

  async organizationsOfUser(userKey: string): Promise<Organization[]> {
    const user = await this.userLoader.load(userKey);
    return user ? [await this.ownOrganization()] : [];
  }

  connectionsCreatedBy(): Promise<Connection[]> {
    return Promise.resolve([]); // Crux does not say who created a connection.
  }

  permissions() {
    return this.permissionList();
  }

  permission(key: string) {
    return this.permissionLoader.load(key);
  }

  async usersWithPermission(permissionKey: string): Promise<User[]> {
    return (await this.userList()).filter((u) =>
      u.permissionAssignments.some((a) => a.assigned && a.permission.key === permissionKey),
    );
  }

  /** One of the two lists made from the connection listing, once per request (see rawListing). */
  private fromRawListing<T>(make: (raw: CruxConnection[]) => T | Promise<T>): () => Promise<T> {
    return once(async () => {
      const list = await make(await (this.rawListing ??= this.client.connections()));
      this.listsMadeFromRaw += 1;
      if (this.listsMadeFromRaw === 2) this.rawListing = undefined;
      return list;
    });
  }

  private async ownOrganizationIf(key: string): Promise<Organization | null> {
    const own = await this.ownOrganization();
    return own.key === key ? own : null;
  }
}
