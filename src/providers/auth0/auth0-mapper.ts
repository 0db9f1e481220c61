import { blankConnection } from '../../graph/connection/blank-connection';
import { ConnectionKind } from '../../graph/connection/connection-kind.enum';
import type { Connection } from '../../graph/connection/connection.type';
import type { OrganizationAccessLevel } from '../../graph/connection/organization-access-level.enum';
import { blankOrganization } from '../../graph/organization/blank-organization';
import type { Organization } from '../../graph/organization/organization.type';
import { blankPermission } from '../../graph/permission/blank-permission';
import type { Permission } from '../../graph/permission/permission.type';
import { blankUser } from '../../graph/user/blank-user';
import type { User } from '../../graph/user/user.type';
import { Provider } from '../../model/provider';
import { membershipKey } from './auth0-keys';
import type {
  Auth0Member,
  Auth0Organization,
  Auth0OrganizationConnection,
  Auth0Role,
} from './auth0.schemas';

export function mapOrganization(org: Auth0Organization): Organization {
  const mapped = blankOrganization(Provider.AUTH0, org.id, org.name);
  mapped.displayName = org.display_name ?? null;
  mapped.branding = org.branding
    ? {
        logoUrl: org.branding.logo_url ?? null,
        colors: org.branding.colors
          ? {
              primary: org.branding.colors.primary,
              pageBackground: org.branding.colors.page_background,
            }
          : null,
      }
    : null;
  mapped.metadata = org.metadata ?? null;
  return mapped;
}

/** An identity connection as enabled for one organization: its per-organization settings included. */
export function mapConnection(
  organizationId: string,
  item: Auth0OrganizationConnection,
): Connection {
  const key = membershipKey(organizationId, item.connection_id);
  const mapped = blankConnection(Provider.AUTH0, key, item.connection_id, ConnectionKind.IDENTITY);
  mapped.identityConnection = {
    connectionId: item.connection_id,
    name: item.connection?.name ?? null,
    strategy: item.connection?.strategy ?? null,
  };
  mapped.organizationConnectionName = item.organization_connection_name ?? null;
  mapped.assignMembershipOnLogin = item.assign_membership_on_login ?? null;
  mapped.showAsButton = item.show_as_button ?? null;
  mapped.isSignupEnabled = item.is_signup_enabled ?? null;
  mapped.organizationAccessLevel = (item.organization_access_level ??
    null) as OrganizationAccessLevel | null;
  mapped.isEnabled = item.is_enabled ?? null;
  mapped.organizationRefs = [{ provider: Provider.AUTH0, key: organizationId }];
  return mapped;
}

/** A role. Member listings carry only id and name: `description` stays undefined until looked up. */
export function mapRole(role: {
  id: string;
  name: string;
  description?: string | null;
}): Permission {
  const permission = blankPermission(Provider.AUTH0, role.id, role.name);
  if ('description' in role) permission.description = role.description ?? null;
  return permission;
}

export function mapFullRole(role: Auth0Role): Permission {
  return mapRole({ ...role, description: role.description ?? null });
}

/** A member of one organization; roles are per organization, so the user is too. */
export function mapMember(organizationId: string, member: Auth0Member): User {
  const key = membershipKey(organizationId, member.user_id);
  const mapped = blankUser(Provider.AUTH0, key, member.user_id);
  mapped.name = member.name ?? null;
  mapped.email = member.email ?? null;
  mapped.picture = member.picture ?? null;
  mapped.permissionAssignments = (member.roles ?? []).map((role) => ({
    assigned: true,
    permission: mapRole({ id: role.id, name: role.name }),
  }));
  return mapped;
}
