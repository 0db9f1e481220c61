import type { IdentityConnectionSettings } from '../provider-writes';
import type { Auth0OrganizationConnection } from './auth0.schemas';

/** The settings of an organization connection a write may set, as Auth0 names them. */
export type Auth0ConnectionSettings = Partial<
  Pick<
    Auth0OrganizationConnection,
    | 'assign_membership_on_login'
    | 'show_as_button'
    | 'is_signup_enabled'
    | 'organization_access_level'
    | 'is_enabled'
  >
>;

/** The settings given, in Auth0's names; those absent are left out, so Auth0 keeps or defaults them. */
export function auth0ConnectionSettings(
  settings: IdentityConnectionSettings,
): Auth0ConnectionSettings {
  const wire: Auth0ConnectionSettings = {};
  if (settings.assignMembershipOnLogin !== undefined)
    wire.assign_membership_on_login = settings.assignMembershipOnLogin;
  if (settings.showAsButton !== undefined) wire.show_as_button = settings.showAsButton;
  if (settings.isSignupEnabled !== undefined) wire.is_signup_enabled = settings.isSignupEnabled;
  if (settings.organizationAccessLevel !== undefined)
    wire.organization_access_level = settings.organizationAccessLevel;
  if (settings.isEnabled !== undefined) wire.is_enabled = settings.isEnabled;
  return wire;
}
