import { z } from 'zod';

/**
 * Auth0 Management API v2 wire shapes (organizations, their connections, members and roles), from the
 * node SDK's types and go-auth0's recorded responses. Auth0 may add properties; they are ignored.
 */

export const auth0OrganizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  display_name: z.string().nullable().optional(),
  branding: z
    .object({
      logo_url: z.string().nullable().optional(),
      colors: z.object({ primary: z.string(), page_background: z.string() }).nullable().optional(),
    })
    .nullable()
    .optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
});

/** The legacy `/enabled_connections` item; the newer `/connections` adds the optional fields below. */
export const auth0OrganizationConnectionSchema = z.object({
  connection_id: z.string(),
  assign_membership_on_login: z.boolean().optional(),
  show_as_button: z.boolean().optional(),
  is_signup_enabled: z.boolean().optional(),
  connection: z.object({ name: z.string().optional(), strategy: z.string().optional() }).optional(),
  organization_connection_name: z.string().optional(),
  organization_access_level: z.enum(['none', 'readonly', 'limited', 'full']).optional(),
  is_enabled: z.boolean().optional(),
});

export const auth0RoleSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
});

export const auth0MemberSchema = z.object({
  user_id: z.string(),
  email: z.string().nullable().optional(),
  picture: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  roles: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
});

export interface OffsetPage<T> {
  items: T[];
  total?: number;
}

export interface CheckpointPage<T> {
  items: T[];
  next?: string;
}

/** Offset pages: a bare array, or `{<key>: [...], start, limit, total}` with include_totals=true. */
export function offsetPageSchema<T>(key: string, item: z.ZodType<T>): z.ZodType<OffsetPage<T>> {
  const envelope = z.object({ [key]: z.array(item), total: z.number().optional() });
  return z
    .union([z.array(item), envelope])
    .transform((value) =>
      Array.isArray(value)
        ? { items: value }
        : { items: value[key] as T[], total: value.total as number | undefined },
    );
}

/** Checkpoint pages: `{<key>: [...], next?}`; no `next`, or an empty page, at the end. */
export function checkpointPageSchema<T>(
  key: string,
  item: z.ZodType<T>,
): z.ZodType<CheckpointPage<T>> {
  const envelope = z.object({ [key]: z.array(item), next: z.string().optional() });
  return z
    .union([z.array(item), envelope])
    .transform((value) =>
      Array.isArray(value)
        ? { items: value }
        : { items: value[key] as T[], next: value.next as string | undefined },
    );
}

/*
 * Each listing's page shape, built once here: zod compiles a schema's parser on its first use, so a
 * schema built per call would be compiled again for every page.
 */
export const organizationsOffsetPageSchema = offsetPageSchema(
  'organizations',
  auth0OrganizationSchema,
);
export const organizationsCheckpointPageSchema = checkpointPageSchema(
  'organizations',
  auth0OrganizationSchema,
);
export const organizationConnectionsPageSchema = offsetPageSchema(
  'connections',
  auth0OrganizationConnectionSchema,
);
export const enabledConnectionsPageSchema = offsetPageSchema(
  'enabled_connections',
  auth0OrganizationConnectionSchema,
);
export const membersCheckpointPageSchema = checkpointPageSchema('members', auth0MemberSchema);
export const rolesOffsetPageSchema = offsetPageSchema('roles', auth0RoleSchema);

export type Auth0Organization = z.infer<typeof auth0OrganizationSchema>;
export type Auth0OrganizationConnection = z.infer<typeof auth0OrganizationConnectionSchema>;
export type Auth0Member = z.infer<typeof auth0MemberSchema>;
export type Auth0Role = z.infer<typeof auth0RoleSchema>;
