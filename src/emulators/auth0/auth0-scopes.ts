/**
 * Management API scopes, as the README asks to grant orgraph's machine-to-machine app: the read scopes
 * always (`read:roles` for `/roles`), the write scopes only when orgraph's writes are on.
 */
export const AUTH0_READ_SCOPES = [
  'read:organizations',
  'read:organization_connections',
  'read:organization_members',
  'read:organization_member_roles',
  'read:roles',
] as const;

export const AUTH0_WRITE_SCOPES = [
  'create:organization_connections',
  'update:organization_connections',
  'delete:organization_connections',
  'create:organization_members',
  'delete:organization_members',
  'create:organization_member_roles',
  'delete:organization_member_roles',
] as const;

export type Auth0WriteScope = (typeof AUTH0_WRITE_SCOPES)[number];
