import type { EmulatorRequest, Route } from '../emulator-server';
import type {
  Auth0Connection,
  Auth0EnabledConnection,
  Auth0OrganizationConnection,
  Auth0OrganizationConnectionSettings,
} from './auth0-data';
import type { Auth0Lookup } from './auth0-lookup';
import { auth0Error } from './auth0-dialect';
import { offsetPage, offsetParams, ok } from './auth0-paging';
import { Auth0RequestError, booleanParam, guard } from './auth0-query';

/**
 * The older `enabled_connections` and the newer `connections` of one organization: each list, and
 * each single connection by id (which the official SDKs' `get` calls). Both lists reproduce the
 * recorded quirk that `limit` in the include_totals envelope is the item count.
 */
export function connectionRoutes(lookup: Auth0Lookup): Route[] {
  const connections = new Map(lookup.data.connections.map((c) => [c.id, c]));
  const settingsOf = (organizationId: string) =>
    lookup.data.organizationConnections[organizationId] ?? [];
  /** The organization's settings for the `:connection_id` segment: 404 for an unknown org first. */
  const oneSettings = (
    request: EmulatorRequest,
    accept: (s: Auth0OrganizationConnectionSettings) => boolean,
  ) => {
    const organization = lookup.organization(request);
    const settings = settingsOf(organization.id).find(
      (s) => s.connection_id === request.params.connection_id && accept(s),
    );
    // Auth0's answer for an unknown connection id (`GET /connections/{id}`); no recording shows the
    // answer for a connection the organization has not enabled, so it is assumed to be the same.
    if (!settings) {
      throw new Auth0RequestError(
        auth0Error(404, 'The connection does not exist.', 'inexistent_connection'),
      );
    }
    return settings;
  };
  return [
    {
      method: 'GET',
      pattern: '/api/v2/organizations/:id/enabled_connections',
      handler: guard((request) => {
        // Query validation (400) comes before the lookup (404), as schema validation does.
        const params = offsetParams(request.query);
        const organization = lookup.organization(request);
        // Connections switched off for the organization are not "enabled connections".
        const items = settingsOf(organization.id)
          .filter((s) => s.is_enabled)
          .map((s) => enabledConnection(s, connections.get(s.connection_id)!));
        return offsetPage(items, 'enabled_connections', params, { limitIsItemCount: true });
      }),
    },
    {
      method: 'GET',
      pattern: '/api/v2/organizations/:id/connections',
      handler: guard((request) => {
        const params = offsetParams(request.query);
        const isEnabled = booleanParam(request.query, 'is_enabled');
        const organization = lookup.organization(request);
        const items = settingsOf(organization.id)
          .filter((s) => isEnabled === undefined || s.is_enabled === isEnabled)
          .map((s) => organizationConnection(s, connections.get(s.connection_id)!));
        return offsetPage(items, 'connections', params, { limitIsItemCount: true });
      }),
    },
    {
      method: 'GET',
      pattern: '/api/v2/organizations/:id/enabled_connections/:connection_id',
      handler: guard((request) => {
        // Switched off for the organization, it is not an enabled connection here either (as in the list).
        const settings = oneSettings(request, (s) => s.is_enabled);
        return ok(enabledConnection(settings, connections.get(settings.connection_id)!));
      }),
    },
    {
      method: 'GET',
      pattern: '/api/v2/organizations/:id/connections/:connection_id',
      handler: guard((request) => {
        const settings = oneSettings(request, () => true);
        return ok(organizationConnection(settings, connections.get(settings.connection_id)!));
      }),
    },
  ];
}

/** Key order as recorded: is_signup_enabled (database connections only) before show_as_button. */
export function enabledConnection(
  settings: Auth0OrganizationConnectionSettings,
  connection: Auth0Connection,
): Auth0EnabledConnection {
  return {
    connection_id: settings.connection_id,
    assign_membership_on_login: settings.assign_membership_on_login,
    ...(settings.is_signup_enabled === undefined
      ? {}
      : { is_signup_enabled: settings.is_signup_enabled }),
    show_as_button: settings.show_as_button,
    connection: { name: connection.name, strategy: connection.strategy },
  };
}

/** Key order as documented for the newer endpoint; optional fields only when set. */
export function organizationConnection(
  settings: Auth0OrganizationConnectionSettings,
  connection: Auth0Connection,
): Auth0OrganizationConnection {
  return {
    connection_id: settings.connection_id,
    ...(settings.organization_connection_name === undefined
      ? {}
      : { organization_connection_name: settings.organization_connection_name }),
    assign_membership_on_login: settings.assign_membership_on_login,
    show_as_button: settings.show_as_button,
    ...(settings.is_signup_enabled === undefined
      ? {}
      : { is_signup_enabled: settings.is_signup_enabled }),
    organization_access_level: settings.organization_access_level,
    is_enabled: settings.is_enabled,
    connection: { name: connection.name, strategy: connection.strategy },
  };
}
