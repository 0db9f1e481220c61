/**
 * Crux Connect's wire shapes (API v1), exactly as the documented responses spell them: snake_case, and
 * `null` where Crux sends null. See /work/shared/contracts/crux/.
 */

export type CruxOrgType = 'RETAILER' | 'SUPPLIER';
export type CruxOrganizationStatus = 'PENDING' | 'ACTIVE' | 'DEACTIVATED';
/** Shared by connections and users; note the space in `CONFIRMATION WAITING`. */
export type CruxConnectionStatus = 'CONFIRMATION WAITING' | 'ACTIVE' | 'DEACTIVATED';
export type CruxUserStatus = CruxConnectionStatus;
export type CruxPermissionVisibility = 'SUPPLIER' | 'RETAILER' | 'BOTH';

/** Person and Contact objects share one shape. */
export interface CruxPersonJson {
  uuid: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  job_title: string | null;
}

export interface CruxAccountManagerJson {
  uuid: string;
  person: CruxPersonJson;
}

export interface CruxOrganizationJson {
  uuid: string;
  name: string;
  /** Browser-ready: with or without protocol and `www.`. */
  website: string;
  org_type: CruxOrgType;
  status: CruxOrganizationStatus;
  /** ISO 8601, usually with microseconds (`2018-04-06T01:11:40.090603Z`). */
  created_date: string;
  active_date: string | null;
  account_manager: CruxAccountManagerJson | null;
}

/** The retailer or supplier side of a connection; its uuid is the party's, not the organization's. */
export interface CruxPartyJson {
  uuid: string;
  organization: CruxOrganizationJson;
  contact: CruxPersonJson;
}

export interface CruxConnectionJson {
  uuid: string;
  retailer: CruxPartyJson;
  supplier: CruxPartyJson;
  status: CruxConnectionStatus;
  account_manager: CruxAccountManagerJson | null;
  suppliers_retailer_account_number: string;
  retailers_supplier_account_number: string;
}

export interface CruxPermissionJson {
  uuid: string;
  name: string;
  display_name: string;
  description: string;
  visibility: CruxPermissionVisibility;
  grouping: string;
}

export interface CruxPermissionAssignmentJson {
  assigned: boolean;
  permission: CruxPermissionJson;
}

/** Body of `GET /organizations/users/permissions/<uuid>/`. */
export interface CruxPermissionListJson {
  permissions: CruxPermissionAssignmentJson[];
}

export interface CruxPermissionAssignmentsJson extends CruxPermissionListJson {
  /** Holds the user's own uuid. */
  org_user: { uuid: string };
}

export interface CruxUserJson {
  uuid: string;
  person: CruxPersonJson;
  permission_assignments: CruxPermissionAssignmentsJson;
  status: CruxUserStatus;
}

/** Body of `POST /organizations/user-login/`. */
export interface CruxLoginJson {
  auth_token: string;
  org_uuid: string;
  user_uuid: string;
  /** Empty string when the account is not of that type, as Crux sends it. */
  retailer_uuid: string;
  supplier_uuid: string;
  org_type: CruxOrgType;
  permission_assignments: CruxPermissionAssignmentsJson;
}

/** Everything one seeded Crux account serves. Embedded objects are shared references, not copies. */
export interface CruxData {
  /** Your account's organization (`GET /organizations/`). */
  organization: CruxOrganizationJson;
  /** Your organization's party uuid: the `retailer.uuid` in every connection. */
  partyUuid: string;
  /** The other side of each connection, in connection order. */
  partners: CruxOrganizationJson[];
  connections: CruxConnectionJson[];
  users: CruxUserJson[];
  permissions: CruxPermissionJson[];
  accountManagers: CruxAccountManagerJson[];
}
