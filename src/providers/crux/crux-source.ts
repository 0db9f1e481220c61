import type { Connection } from '../../graph/connection/connection.type';
import type { Organization } from '../../graph/organization/organization.type';
import type { User } from '../../graph/user/user.type';
import { indexLoader } from '../../loaders/index-loader';
import { once } from '../../loaders/once';
import { Provider } from '../../model/provider';
import type { ConnectionQuery, ProviderSource } from '../provider-source';
import type { CruxClient } from './crux-client';
import { mapConnection, mapOrganization, mapPermission, mapUser } from './crux-mapper';

/**
 * Crux in the unified model, for one request. Crux's lists are unpaged, so each is fetched once and every
 * lookup is answered from it: a query of any depth costs at most one call per Crux endpoint.
 */
export class CruxSource implements ProviderSource {
  readonly provider = Provider.CRUX;

  private readonly rawConnections = once(() => this.client.connections());
  private readonly connectionList = once(async () =>
    (await this.rawConnections()).map(mapConnection),
  );
  private readonly userList = once(async () => (await this.client.users()).map(mapUser));
  private readonly permissionList = once(async () =>
    (await this.client.permissions()).map(mapPermission),
  );
  private readonly ownOrganization = once(async () =>
    mapOrganization(await this.client.ownOrganization()),
  );

  /** Your organization is a side of every connection, so the connection list names every org there is. */
  private readonly organizationList = once(async () => {
    const connections = await this.rawConnections();
    if (connections.length === 0) return [await this.ownOrganization()];
    const byUuid = new Map<string, Organization>();
    for (const c of connections) {
      for (const org of [c.retailer.organization, c.supplier.organization]) {
        if (!byUuid.has(org.uuid)) byUuid.set(org.uuid, mapOrganization(org));
      }
    }
    return [...byUuid.values()];
  });

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
    const all = await this.connectionList();
    const orgKey = query.organizationKey;
    return orgKey ? all.filter((c) => c.organizationRefs.some((r) => r.key === orgKey)) : all;
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

  private async ownOrganizationIf(key: string): Promise<Organization | null> {
    const own = await this.ownOrganization();
    return own.key === key ? own : null;
  }
}
