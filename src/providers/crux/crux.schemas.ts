import { z } from 'zod';

/** Crux Connect API v1 wire shapes, from the Crux docs (objects/*.md) and the endpoint pages. */

export const cruxPersonSchema = z.object({
  uuid: z.string(),
  first_name: z.string().nullable().optional(),
  last_name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  job_title: z.string().nullable().optional(),
});

export const cruxAccountManagerSchema = z.object({
  uuid: z.string(),
  person: cruxPersonSchema,
});

export const cruxOrganizationSchema = z.object({
  uuid: z.string(),
  name: z.string(),
  website: z.string().nullable().optional(),
  org_type: z.enum(['RETAILER', 'SUPPLIER']),
  status: z.enum(['PENDING', 'ACTIVE', 'DEACTIVATED']),
  created_date: z.string().nullable().optional(),
  active_date: z.string().nullable().optional(),
  account_manager: cruxAccountManagerSchema.nullable().optional(),
});

const cruxPartySchema = z.object({
  uuid: z.string(),
  organization: cruxOrganizationSchema,
  contact: cruxPersonSchema.nullable().optional(),
});

export const cruxConnectionSchema = z.object({
  uuid: z.string(),
  retailer: cruxPartySchema,
  supplier: cruxPartySchema,
  status: z.enum(['CONFIRMATION WAITING', 'ACTIVE', 'DEACTIVATED']),
  account_manager: cruxAccountManagerSchema.nullable().optional(),
  suppliers_retailer_account_number: z.string().nullable().optional(),
  retailers_supplier_account_number: z.string().nullable().optional(),
});

export const cruxPermissionSchema = z.object({
  uuid: z.string(),
  name: z.string(),
  display_name: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  visibility: z.enum(['SUPPLIER', 'RETAILER', 'BOTH']).nullable().optional(),
  grouping: z.string().nullable().optional(),
});

export const cruxPermissionListSchema = z.object({
  permissions: z.array(z.object({ assigned: z.boolean(), permission: cruxPermissionSchema })),
});

export const cruxUserSchema = z.object({
  uuid: z.string(),
  person: cruxPersonSchema,
  permission_assignments: cruxPermissionListSchema.extend({
    org_user: z.object({ uuid: z.string() }).nullable().optional(),
  }),
  status: z.enum(['CONFIRMATION WAITING', 'ACTIVE', 'DEACTIVATED']),
});

/* The bare arrays the list endpoints answer, built once: zod compiles a schema's parser on first use. */
export const cruxConnectionListSchema = z.array(cruxConnectionSchema);
export const cruxUserListSchema = z.array(cruxUserSchema);
export const cruxPermissionsSchema = z.array(cruxPermissionSchema);

export type CruxPerson = z.infer<typeof cruxPersonSchema>;
export type CruxAccountManager = z.infer<typeof cruxAccountManagerSchema>;
export type CruxOrganization = z.infer<typeof cruxOrganizationSchema>;
export type CruxConnection = z.infer<typeof cruxConnectionSchema>;
export type CruxPermission = z.infer<typeof cruxPermissionSchema>;
export type CruxUser = z.infer<typeof cruxUserSchema>;
