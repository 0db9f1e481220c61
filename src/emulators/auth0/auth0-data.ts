/** Auth0 Management API v2 wire shapes (snake_case, as the recordings show them). */

export type Auth0AccessLevel = 'none' | 'readonly' | 'limited' | 'full';

export interface Auth0OrganizationBranding {
  logo_url: string;
  colors?: { primary: string; page_background: string };
}

export interface Auth0Organization {
  id: string;
  name: string;
  display_name: string;
  branding?: Auth0OrganizationBranding;
  metadata?: Record<string, string>;
}

/** A tenant connection (identity provider); organizations enable some of them. */
export interface Auth0Connection {
  id: string;
  name: string;
  strategy: string;
}

/** One organization's settings for one enabled connection, as stored. */
export interface Auth0OrganizationConnectionSettings {
  connection_id: string;
  organization_connection_name?: string;
  assign_membership_on_login: boolean;
  show_as_button: boolean;
  /** Only on database (`auth0` strategy) connections: the recordings omit it elsewhere. */
  is_signup_enabled?: boolean;
  organization_access_level: Auth0AccessLevel;
  is_enabled: boolean;
}

/** An item of `GET /organizations/{id}/enabled_connections`. */
export interface Auth0EnabledConnection {
  connection_id: string;
  assign_membership_on_login: boolean;
  show_as_button: boolean;
  is_signup_enabled?: boolean;
  connection: { name: string; strategy: string };
}

/** An item of `GET /organizations/{id}/connections`. */
export interface Auth0OrganizationConnection {
  connection_id: string;
  organization_connection_name?: string;
  assign_membership_on_login: boolean;
  show_as_button: boolean;
  is_signup_enabled?: boolean;
  organization_access_level: Auth0AccessLevel;
  is_enabled: boolean;
  connection: { name: string; strategy: string };
}

export interface Auth0Role {
  id: string;
  name: string;
  description: string;
}

export interface Auth0User {
  user_id: string;
  email: string;
  picture: string;
  name: string;
}

/** An item of `GET /organizations/{id}/members`; `roles` only when `fields` asks for it. */
export interface Auth0Member {
  user_id?: string;
  email?: string;
  picture?: string;
  name?: string;
  roles?: Array<{ id: string; name: string }>;
}

/** One user's membership of one organization, as stored. */
export interface Auth0Membership {
  user_id: string;
  role_ids: string[];
  /** When the user joined; checkpoint cursors carry it, as Auth0's do. */
  created_at: string;
}

export interface Auth0Data {
  /** In creation order, which is the order both paging modes serve. */
  organizations: Auth0Organization[];
  /** Creation time per organization id, for checkpoint cursors. */
  organizationCreatedAt: Record<string, string>;
  connections: Auth0Connection[];
  /** Enabled connections per organization id. */
  organizationConnections: Record<string, Auth0OrganizationConnectionSettings[]>;
  roles: Auth0Role[];
  users: Auth0User[];
  /** Members per organization id, in the order the list serves them. */
  memberships: Record<string, Auth0Membership[]>;
}

export interface Auth0OffsetEnvelope {
  start: number;
  limit: number;
  total: number;
}

export interface Auth0ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errorCode?: string;
  attributes?: { error: string };
}

export interface Auth0TokenResponse {
  access_token: string;
  expires_in: number;
  token_type: 'Bearer';
  scope: string;
}
