import type { EmulatorRequest, Route } from '../emulator-server';
import { enabledConnection, organizationConnection } from './auth0-connection-routes';
import type {
  Auth0AccessLevel,
  Auth0Connection,
  Auth0OrganizationConnectionSettings,
} from './auth0-data';
import { auth0Error } from './auth0-dialect';
import type { Auth0Lookup } from './auth0-lookup';
import { ok } from './auth0-paging';
import { parsePayload, type PayloadProperty, type PayloadSchema } from './auth0-payload';
import { Auth0RequestError, guard, organizationIdParam } from './auth0-query';

const ACCESS_LEVELS: readonly Auth0AccessLevel[] = ['none', 'readonly', 'limited', 'full'];

/** The writable properties and their descriptions, as the Management API's request types give them. */
const PROPERTIES = {
  assign_membership_on_login: {
    type: 'boolean',
    description:
      'When true, all users that log in with this connection will be automatically granted membership ' +
      'in the organization. When false, users must be granted membership in the organization before ' +
      'logging in with this connection.',
  },
  show_as_button: {
    type: 'boolean',
    description:
      'Determines whether a connection should be displayed on this organization’s login prompt. Only ' +
      'applicable for enterprise connections. Default: true.',
  },
  is_signup_enabled: {
    type: 'boolean',
    description:
      'Determines whether organization signup should be enabled for this organization connection. ' +
      'Only applicable for database connections. Default: false.',
  },
  organization_connection_name: {
    type: 'string',
    description: 'Name of the connection in the scope of this organization.',
  },
  organization_access_level: {
    type: { enum: ACCESS_LEVELS },
    description: 'Access level for the organization (e.g., "none", "full").',
  },
  is_enabled: {
    type: 'boolean',
    description: 'Whether the connection is enabled for the organization.',
  },
} satisfies Record<string, PayloadProperty>;

const LEGACY_FIELDS = {
  assign_membership_on_login: PROPERTIES.assign_membership_on_login,
  is_signup_enabled: PROPERTIES.is_signup_enabled,
  show_as_button: PROPERTIES.show_as_button,
};

/** One of the two endpoint families over the same settings: what each accepts, sees and answers. */
interface ConnectionEndpoint {
  segment: 'enabled_connections' | 'connections';
  create: PayloadSchema;
  update: PayloadSchema;
  /** The legacy endpoint does not see a connection switched off for the organization, as its GET does not. */
  seesDisabled: boolean;
  shape: (settings: Auth0OrganizationConnectionSettings, connection: Auth0Connection) => unknown;
}

/** `AddOrganizationConnectionRequestContent` / `UpdateOrganizationConnectionRequestContent`. */
const LEGACY: ConnectionEndpoint = {
  segment: 'enabled_connections',
  create: {
    properties: {
      connection_id: {
        type: 'string',
        description: 'Single connection ID to add to the organization.',
      },
      ...LEGACY_FIELDS,
    },
    required: ['connection_id'],
  },
  update: { properties: LEGACY_FIELDS },
  seesDisabled: false,
  shape: enabledConnection,
};

/**
 * `CreateOrganizationAllConnectionRequestParameters` / `UpdateOrganizationConnectionRequestParameters`:
 * the legacy fields plus a name, an access level and `is_enabled`; the update takes `null` for those
 * three, read here as "back to the default".
 */
const NEWER: ConnectionEndpoint = {
  segment: 'connections',
  create: {
    properties: {
      connection_id: { type: 'string', description: 'Connection identifier.' },
      ...PROPERTIES,
    },
    required: ['connection_id'],
  },
  update: {
    properties: {
      ...PROPERTIES,
      organization_connection_name: { ...PROPERTIES.organization_connection_name, nullable: true },
      organization_access_level: { ...PROPERTIES.organization_access_level, nullable: true },
      is_enabled: { ...PROPERTIES.is_enabled, nullable: true },
    },
  },
  seesDisabled: true,
  shape: organizationConnection,
};

/** Defaults for what a create leaves out and an update sets to null; the access level's is assumed. */
const DEFAULTS = {
  assign_membership_on_login: false,
  show_as_button: true,
  is_signup_enabled: false,
  organization_access_level: 'none',
  is_enabled: true,
} as const;

// Neither answer is recorded: the 404 is Auth0's for an unknown connection id (as the reads answer), the
// 409 is the status the SDKs document for enabling a connection twice, worded after it.
const NO_CONNECTION = () =>
  new Auth0RequestError(auth0Error(404, 'The connection does not exist.', 'inexistent_connection'));
const ALREADY_ENABLED = () =>
  new Auth0RequestError(
    auth0Error(409, 'The connection is already enabled for this organization.'),
  );

/**
 * Enabling, changing and disabling an organization's connections, through the legacy
 * `enabled_connections` and the newer `connections` alike: both change the same stored settings, so
 * either list shows what the other wrote. Path validation (400) comes first, then the body (400), then
 * the organization (404) and the connection (404, 409), as Auth0's framework orders them.
 */
export function connectionWriteRoutes(lookup: Auth0Lookup): Route[] {
  return [LEGACY, NEWER].flatMap((endpoint) => endpointRoutes(lookup, endpoint));
}

function endpointRoutes(lookup: Auth0Lookup, endpoint: ConnectionEndpoint): Route[] {
  const connections = new Map(lookup.data.connections.map((c) => [c.id, c]));
  const collection = `/api/v2/organizations/:id/${endpoint.segment}`;
  const settingsOf = (organizationId: string) =>
    (lookup.data.organizationConnections[organizationId] ??= []);
  /** The settings the `:connection_id` segment names, among those this endpoint sees. */
  const existing = (request: EmulatorRequest) => {
    const settings = settingsOf(lookup.organization(request).id);
    const index = settings.findIndex(
      (s) =>
        s.connection_id === request.params.connection_id && (endpoint.seesDisabled || s.is_enabled),
    );
    if (index < 0) throw NO_CONNECTION();
    return { settings, index, connection: connections.get(settings[index].connection_id)! };
  };

  return [
    {
      method: 'POST',
      pattern: collection,
      scope: 'create:organization_connections',
      handler: guard((request) => {
        organizationIdParam(request);
        const payload = parsePayload(request.body, endpoint.create);
        const settings = settingsOf(lookup.organization(request).id);
        const connection = connections.get(payload.connection_id as string);
        if (!connection) throw NO_CONNECTION();
        // Switched off is still added: the newer list shows it, so enabling it again is a conflict too.
        if (settings.some((s) => s.connection_id === connection.id)) throw ALREADY_ENABLED();
        const created: Auth0OrganizationConnectionSettings = {
          connection_id: connection.id,
          assign_membership_on_login: DEFAULTS.assign_membership_on_login,
          show_as_button: DEFAULTS.show_as_button,
          organization_access_level: DEFAULTS.organization_access_level,
          is_enabled: DEFAULTS.is_enabled,
        };
        if (connection.strategy === 'auth0') created.is_signup_enabled = DEFAULTS.is_signup_enabled;
        applyChanges(created, connection, payload);
        settings.push(created);
        return { status: 201, body: endpoint.shape(created, connection) };
      }),
    },
    {
      method: 'PATCH',
      pattern: `${collection}/:connection_id`,
      scope: 'update:organization_connections',
      handler: guard((request) => {
        organizationIdParam(request);
        const payload = parsePayload(request.body, endpoint.update);
        const { settings, index, connection } = existing(request);
        applyChanges(settings[index], connection, payload);
        return ok(endpoint.shape(settings[index], connection));
      }),
    },
    {
      method: 'DELETE',
      pattern: `${collection}/:connection_id`,
      scope: 'delete:organization_connections',
      handler: guard((request) => {
        const { settings, index } = existing(request);
        settings.splice(index, 1);
        return { status: 204 };
      }),
    },
  ];
}

/** Writes validated payload fields into stored settings; `null` puts a field back to its default. */
function applyChanges(
  settings: Auth0OrganizationConnectionSettings,
  connection: Auth0Connection,
  payload: Record<string, unknown>,
): void {
  const has = (name: string) => name in payload;
  if (has('assign_membership_on_login')) {
    settings.assign_membership_on_login = payload.assign_membership_on_login as boolean;
  }
  if (has('show_as_button')) settings.show_as_button = payload.show_as_button as boolean;
  // "Only applicable for database connections": other strategies never show it, so it is not kept.
  if (has('is_signup_enabled') && connection.strategy === 'auth0') {
    settings.is_signup_enabled = payload.is_signup_enabled as boolean;
  }
  if (has('organization_connection_name')) {
    const name = payload.organization_connection_name as string | null;
    if (name === null) delete settings.organization_connection_name;
    else settings.organization_connection_name = name;
  }
  if (has('organization_access_level')) {
    settings.organization_access_level =
      (payload.organization_access_level as Auth0AccessLevel | null) ??
      DEFAULTS.organization_access_level;
  }
  if (has('is_enabled')) {
    settings.is_enabled = (payload.is_enabled as boolean | null) ?? DEFAULTS.is_enabled;
  }
}
