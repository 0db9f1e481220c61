import { blankConnection } from '../../graph/connection/blank-connection';
import { ConnectionKind } from '../../graph/connection/connection-kind.enum';
import type { Connection } from '../../graph/connection/connection.type';
import type { OrganizationAccessLevel } from '../../graph/connection/organization-access-level.enum';
import { blankOrganization } from '../../graph/organization/blank-organization';
import type { Organization } from '../../graph/organization/organization.type';
import type { Permission } from '../../graph/permission/permission.type';
import { blankUser } from '../../graph/user/blank-user';
import type { User } from '../../graph/user/user.type';
import { encodeGlobalId } from '../../model/global-id';
import { Provider } from '../../model/provider';
import { membershipKey } from './auth0-keys';
import type {
  Auth0Member,
  Auth0Organization,
  Auth0OrganizationConnection,
  Auth0Role,
} from './auth0.schemas';

export function mapOrganization(org: Auth0Organization): Organization {
  return {
    ...blankOrganization(Provider.AUTH0, org.id, org.name),
    displayName: org.display_name ?? null,
    branding: org.branding
      ? {
          logoUrl: org.branding.logo_url ?? null,
          colors: org.branding.colors
            ? {
                primary: org.branding.colors.primary,
                pageBackground: org.branding.colors.page_background,
              }
            : null,
        }
      : null,
    metadata: org.metadata ?? null,
  };
}

/** An identity connection as enabled for one organization: its per-organization settings included. */
export function mapConnection(
  organizationId: string,
  item: Auth0OrganizationConnection,
): Connection {
  const key = membershipKey(organizationId, item.connection_id);
  const orgRef = { provider: Provider.AUTH0, key: organizationId };
  return {
    ...blankConnection(Provider.AUTH0, key, item.connection_id, ConnectionKind.IDENTITY),
    identityConnection: {
      connectionId: item.connection_id,
      name: item.connection?.name ?? null,
      strategy: item.connection?.strategy ?? null,
    },
    organizationConnectionName: item.organization_connection_name ?? null,
    assignMembershipOnLogin: item.assign_membership_on_login ?? null,
    showAsButton: item.show_as_button ?? null,
    isSignupEnabled: item.is_signup_enabled ?? null,
    organizationAccessLevel: (item.organization_access_level ??
      null) as OrganizationAccessLevel | null,
    isEnabled: item.is_enabled ?? null,
    organizationRefs: [orgRef],
  };
}

/** A role. Member listings carry only id and name: `description` stays undefined until looked up. */
export function mapRole(role: {
  id: string;
  name: string;
  description?: string | null;
}): Permission {
  return {
    __typename: 'Permission',
    id: encodeGlobalId('Permission', Provider.AUTH0, role.id),
    provider: Provider.AUTH0,
    nativeId: role.id,
    key: role.id,
    name: role.name,
    displayName: null,
    ...('description' in role ? { description: role.description ?? null } : {}),
    visibility: null,
    grouping: null,
  };
}

export function mapFullRole(role: Auth0Role): Permission {
  return mapRole({ ...role, description: role.description ?? null });
}

/** A member of one organization; roles are per organization, so the user is too. */
export function mapMember(organizationId: string, member: Auth0Member): User {
  const key = membershipKey(organizationId, member.user_id);
  return {
    ...blankUser(Provider.AUTH0, key, member.user_id),
    name: member.name ?? null,
    email: member.email ?? null,
    picture: member.picture ?? null,
    permissionAssignments: (member.roles ?? []).map((role) => ({
      assigned: true,
      permission: mapRole({ id: role.id, name: role.name }),
    })),
  };
}
