import type { Connection } from '../graph/connection/connection.type';
import type { User } from '../graph/user/user.type';

/**
 * Settings of an identity connection enabled for an Auth0 organization: the fields Auth0 lets a write
 * set. Absent means "leave as is" in an update, and Auth0's default when adding.
 */
export interface IdentityConnectionSettings {
  assignMembershipOnLogin?: boolean;
  showAsButton?: boolean;
  isSignupEnabled?: boolean;
  /** Auth0's `organization_access_level`: none, readonly, limited or full. */
  organizationAccessLevel?: 'none' | 'readonly' | 'limited' | 'full';
  isEnabled?: boolean;
}

/**
 * What the graph's mutations ask of a provider, in the unified model. Providers implement the part they
 * can write (Datadog: org connections; Auth0: organization connections, members and member roles).
 * Every write goes through the provider's client and the upstream gate, which invalidates what the
 * write changes for every caller of the same provider tenant. A failure throws UpstreamError with
 * `extensions.upstreamStatus` (404, 409, 400, 422...), and for 400/422 `extensions.providerMessage`:
 * the provider's own message, sanitized (no URLs, no control characters, at most 300 characters).
 * A POST that timed out is not retried and throws UpstreamError with code UPSTREAM_OUTCOME_UNKNOWN
 * (so does a PATCH or DELETE whose last retry got no answer); a 409 is UPSTREAM_CONFLICT.
 * Keys are the provider's keys, as in ProviderSource (see global-id.ts).
 */
export interface OrgDataSharingWrites {
  /** POST /api/v2/org_connections from the credentials' own org to `sinkOrganizationKey`. */
  createOrgDataSharingConnection(input: {
    sinkOrganizationKey: string;
    connectionTypes: string[];
  }): Promise<Connection>;
  /** PATCH /api/v2/org_connections/{id}. */
  updateOrgDataSharingConnection(
    connectionKey: string,
    changes: { connectionTypes: string[] },
  ): Promise<Connection>;
  /** DELETE /api/v2/org_connections/{id}. */
  deleteOrgDataSharingConnection(connectionKey: string): Promise<void>;
}

export interface OrganizationMembershipWrites {
  /** POST /api/v2/organizations/{id}/connections (the newer endpoint, which takes every setting; the
   * legacy /enabled_connections lacks the access level and is_enabled); the connection as Auth0
   * answered it. */
  addIdentityConnection(
    organizationKey: string,
    connectionId: string,
    settings: IdentityConnectionSettings,
  ): Promise<Connection>;
  /** PATCH /api/v2/organizations/{id}/connections/{connection_id}. `connectionKey` as in
   * ProviderSource.connection (organization and connection). */
  updateIdentityConnection(
    connectionKey: string,
    settings: IdentityConnectionSettings,
  ): Promise<Connection>;
  /** DELETE /api/v2/organizations/{id}/connections/{connection_id}. */
  removeIdentityConnection(connectionKey: string): Promise<void>;
  /** POST /api/v2/organizations/{id}/members; the new memberships, read fresh after the write. */
  addOrganizationMembers(organizationKey: string, userIds: string[]): Promise<User[]>;
  /** DELETE /api/v2/organizations/{id}/members. */
  removeOrganizationMembers(organizationKey: string, userIds: string[]): Promise<void>;
  /** POST /api/v2/organizations/{id}/members/{user_id}/roles; `memberKey` as in ProviderSource.user.
   * The member, with its roles read fresh after the write. */
  addMemberRoles(memberKey: string, roleIds: string[]): Promise<User>;
  /** DELETE /api/v2/organizations/{id}/members/{user_id}/roles. */
  removeMemberRoles(memberKey: string, roleIds: string[]): Promise<User>;
}
