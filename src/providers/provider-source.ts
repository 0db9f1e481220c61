import type { PagePart } from '../graph/catalog/page-part';
import type { Connection } from '../graph/connection/connection.type';
import type { Organization } from '../graph/organization/organization.type';
import type { Permission } from '../graph/permission/permission.type';
import type { User } from '../graph/user/user.type';
import type { Provider } from '../model/provider';

/**
 * Narrowing a connection listing. Each provider applies what it can, upstream where that saves calls
 * (Datadog's `source_org_id`/`sink_org_id`), in memory where the rows are loaded anyway. A provider
 * that lacks a field the query names (source and sink at Crux) answers no connections.
 */
export interface ConnectionQuery {
  /** Only connections with this organization on any side. */
  organizationKey?: string;
  sourceOrganizationKey?: string;
  sinkOrganizationKey?: string;
  /** Whether the connection is enabled for its organization (Auth0's `is_enabled`). */
  enabled?: boolean;
}

/**
 * What the graph asks of a provider, in the unified model. Each provider folder implements it over its
 * own client and per-request DataLoaders; resolvers never see a provider's wire format. Keys are the
 * provider's own (see global-id.ts); a missing object is null, a failing provider throws UpstreamError.
 */
export interface ProviderSource {
  readonly provider: Provider;

  organizations(): Promise<Organization[]>;
  /** How many organizations there are, at the least cost the provider allows. */
  organizationCount(): Promise<number>;
  /** Organizations `offset` to `offset + limit` in `organizations()` order, fetching only what covers
   * them where the provider pages (Auth0); from the whole list where it does not. */
  organizationPage(offset: number, limit: number): Promise<Organization[]>;
  organization(key: string): Promise<Organization | null>;

  connections(query: ConnectionQuery): Promise<Connection[]>;
  /** Every connection, `connections({})` in the same order, counted and paged without reading them all
   * where the provider pages them (Datadog); absent where the whole listing is read anyway. */
  connectionPages?(): PagePart<Connection>;
  connection(key: string): Promise<Connection | null>;

  users(): Promise<User[]>;
  /** Every user, `users()` in the same order, counted and paged without reading them all where the
   * provider lists users per organization (Auth0); absent where the whole listing is read anyway. */
  userPages?(): PagePart<User>;
  user(key: string): Promise<User | null>;
  usersOfOrganization(organizationKey: string): Promise<User[]>;
  organizationsOfUser(userKey: string): Promise<Organization[]>;
  connectionsCreatedBy(userKey: string): Promise<Connection[]>;

  permissions(): Promise<Permission[]>;
  permission(key: string): Promise<Permission | null>;
  usersWithPermission(permissionKey: string): Promise<User[]>;
}
