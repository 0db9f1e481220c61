/**
 * Datadog API v2 org connections wire shapes (JSON:API), as the recorded responses spell them. Key order
 * in the seeded objects follows the recordings (`type`, `id`, then `attributes`, `relationships`).
 * See /work/shared/contracts/datadog/.
 */

/** The `OrgConnectionTypeEnum` values, in the spec's order. */
export const CONNECTION_TYPES = ['logs', 'metrics', 'audit'] as const;
export type DatadogConnectionType = (typeof CONNECTION_TYPES)[number];

export interface DatadogOrgRef {
  type: 'orgs';
  id: string;
  /** Optional on the wire: a recorded PATCH response carries ids only. */
  name?: string;
}

export interface DatadogUserRef {
  type: 'users';
  id: string;
  name?: string;
}

export interface DatadogOrgConnectionAttributes {
  /** e.g. `2025-08-26T20:19:36.177236+00:00` (microseconds, explicit offset). */
  created_at: string;
  connection_types: DatadogConnectionType[];
}

export interface DatadogOrgConnectionRelationships {
  source_org?: { data: DatadogOrgRef };
  sink_org?: { data: DatadogOrgRef };
  created_by?: { data: DatadogUserRef };
}

export interface DatadogOrgConnection {
  type: 'org_connection';
  id: string;
  attributes: DatadogOrgConnectionAttributes;
  relationships: DatadogOrgConnectionRelationships;
}

export interface DatadogOrgConnectionListResponse {
  data: DatadogOrgConnection[];
  meta?: { page?: { total_count?: number; total_filtered_count?: number } };
}

export interface DatadogOrgConnectionResponse {
  data: DatadogOrgConnection;
}

export interface DatadogErrorResponse {
  errors: string[];
}

/** Seeded orgs and users: Datadog has no endpoint for them here, they only appear inside connections. */
export interface DatadogOrg {
  id: string;
  name: string;
}

export interface DatadogUser {
  id: string;
  name: string;
}

export interface DatadogData {
  orgs: DatadogOrg[];
  users: DatadogUser[];
  /** The org and user this tenant's keys belong to: the source and creator of POSTed connections. */
  currentOrgId: string;
  currentUserId: string;
  /** Served in this order; the emulator's writes change this array in place. */
  connections: DatadogOrgConnection[];
}
