import { blankConnection } from '../../graph/connection/blank-connection';
import { ConnectionKind } from '../../graph/connection/connection-kind.enum';
import { ConnectionStatus } from '../../graph/connection/connection-status.enum';
import type { Connection } from '../../graph/connection/connection.type';
import type { Person } from '../../graph/common/person.type';
import type { AccountManager } from '../../graph/organization/account-manager.type';
import type { OrganizationStatus } from '../../graph/organization/organization-status.enum';
import type { OrganizationType } from '../../graph/organization/organization-type.enum';
import { blankOrganization } from '../../graph/organization/blank-organization';
import type { Organization } from '../../graph/organization/organization.type';
import type { PermissionVisibility } from '../../graph/permission/permission-visibility.enum';
import { blankPermission } from '../../graph/permission/blank-permission';
import type { Permission } from '../../graph/permission/permission.type';
import { blankUser } from '../../graph/user/blank-user';
import type { UserStatus } from '../../graph/user/user-status.enum';
import type { User } from '../../graph/user/user.type';
import { Provider } from '../../model/provider';
import type {
  CruxAccountManager,
  CruxConnection,
  CruxOrganization,
  CruxPermission,
  CruxPerson,
  CruxUser,
} from './crux.schemas';

const ref = (key: string) => ({ provider: Provider.CRUX, key });

/** Crux writes one status with a space ("CONFIRMATION WAITING"); GraphQL enum values cannot have one. */
function enumValue<T extends string>(value: string): T {
  return value.replace(/ /g, '_') as T;
}

export function mapPerson(person: CruxPerson): Person {
  return {
    uuid: person.uuid,
    firstName: person.first_name ?? null,
    lastName: person.last_name ?? null,
    email: person.email ?? null,
    phone: person.phone ?? null,
    jobTitle: person.job_title ?? null,
  };
}

function mapAccountManager(manager: CruxAccountManager | null | undefined): AccountManager | null {
  return manager ? { uuid: manager.uuid, person: mapPerson(manager.person) } : null;
}

export function mapOrganization(org: CruxOrganization): Organization {
  const organization = blankOrganization(Provider.CRUX, org.uuid, org.name);
  organization.website = org.website ?? null;
  organization.orgType = org.org_type as OrganizationType;
  organization.status = org.status as OrganizationStatus;
  organization.createdDate = org.created_date ?? null;
  organization.activeDate = org.active_date ?? null;
  organization.accountManager = mapAccountManager(org.account_manager);
  return organization;
}

export function mapConnection(connection: CruxConnection): Connection {
  const retailerRef = ref(connection.retailer.organization.uuid);
  const supplierRef = ref(connection.supplier.organization.uuid);
  const mapped = blankConnection(
    Provider.CRUX,
    connection.uuid,
    connection.uuid,
    ConnectionKind.RETAILER_SUPPLIER,
  );
  mapped.status = enumValue<ConnectionStatus>(connection.status);
  mapped.retailer = {
    uuid: connection.retailer.uuid,
    contact: connection.retailer.contact ? mapPerson(connection.retailer.contact) : null,
    organizationRef: retailerRef,
  };
  mapped.supplier = {
    uuid: connection.supplier.uuid,
    contact: connection.supplier.contact ? mapPerson(connection.supplier.contact) : null,
    organizationRef: supplierRef,
  };
  mapped.accountManager = mapAccountManager(connection.account_manager);
  mapped.suppliersRetailerAccountNumber = connection.suppliers_retailer_account_number ?? null;
  mapped.retailersSupplierAccountNumber = connection.retailers_supplier_account_number ?? null;
  mapped.organizationRefs = [retailerRef, supplierRef];
  return mapped;
}

/** Every connection of the listing. */
export function mapConnections(connections: readonly CruxConnection[]): Connection[] {
  return connections.map(mapConnection);
}

/** Every organization the connection listing names, each once, in the order first named. */
export function organizationsOf(connections: readonly CruxConnection[]): Organization[] {
  const byUuid = new Map<string, Organization>();
  for (const c of connections) {
    for (const org of [c.retailer.organization, c.supplier.organization]) {
      if (!byUuid.has(org.uuid)) byUuid.set(org.uuid, mapOrganization(org));
    }
  }
  return [...byUuid.values()];
}

/** Each organization's connections, in listing order. */
export function connectionsByOrganization(
  connections: readonly Connection[],
): Map<string, Connection[]> {
  const byOrganization = new Map<string, Connection[]>();
  for (const connection of connections) {
    for (const { key } of connection.organizationRefs) {
      const list = byOrganization.get(key);
      if (!list) byOrganization.set(key, [connection]);
      // Both sides the same organization: the connection is listed once.
      else if (list[list.length - 1] !== connection) list.push(connection);
    }
  }
  return byOrganization;
}

export function mapPermissions(permissions: readonly CruxPermission[]): Permission[] {
  return permissions.map(mapPermission);
}

export function mapPermission(permission: CruxPermission): Permission {
  const mapped = blankPermission(Provider.CRUX, permission.uuid, permission.name);
  mapped.displayName = permission.display_name ?? null;
  mapped.description = permission.description ?? null;
  mapped.visibility = (permission.visibility ?? null) as PermissionVisibility | null;
  mapped.grouping = permission.grouping ?? null;
  return mapped;
}

/**
 * Every user of a listing. Crux lists every permission in every user's assignments, so a permission
 * is mapped once per listing rather than once per user (a thousand users, eight thousand copies of
 * eight permissions); one that reads differently in two users is mapped for each.
 */
export function mapUsers(users: readonly CruxUser[]): User[] {
  const mappedOnce = new Map<string, { wire: CruxPermission; mapped: Permission }>();
  const permissionOf = (wire: CruxPermission): Permission => {
    const known = mappedOnce.get(wire.uuid);
    if (known && samePermission(known.wire, wire)) return known.mapped;
    const mapped = mapPermission(wire);
    if (!known) mappedOnce.set(wire.uuid, { wire, mapped });
    return mapped;
  };
  return users.map((user) => mapUser(user, permissionOf));
}

function samePermission(a: CruxPermission, b: CruxPermission): boolean {
  return (
    a.name === b.name &&
    a.display_name === b.display_name &&
    a.description === b.description &&
    a.visibility === b.visibility &&
    a.grouping === b.grouping
  );
}

export function mapUser(
  user: CruxUser,
  permissionOf: (wire: CruxPermission) => Permission = mapPermission,
): User {
  const { person } = user;
  const name = [person.first_name?.trim(), person.last_name?.trim()].filter(Boolean).join(' ');
  const mapped = blankUser(Provider.CRUX, user.uuid, user.uuid);
  mapped.name = name || null;
  mapped.email = person.email ?? null;
  mapped.status = enumValue<UserStatus>(user.status);
  mapped.person = mapPerson(person);
  mapped.orgUserId = user.permission_assignments.org_user?.uuid ?? null;
  mapped.permissionAssignments = user.permission_assignments.permissions.map((assignment) => ({
    assigned: assignment.assigned,
    permission: permissionOf(assignment.permission),
  }));
  return mapped;
}
