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
import type { Permission } from '../../graph/permission/permission.type';
import { blankUser } from '../../graph/user/blank-user';
import type { UserStatus } from '../../graph/user/user-status.enum';
import type { User } from '../../graph/user/user.type';
import { encodeGlobalId } from '../../model/global-id';
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
  return {
    ...blankOrganization(Provider.CRUX, org.uuid, org.name),
    website: org.website ?? null,
    orgType: org.org_type as OrganizationType,
    status: org.status as OrganizationStatus,
    createdDate: org.created_date ?? null,
    activeDate: org.active_date ?? null,
    accountManager: mapAccountManager(org.account_manager),
  };
}

export function mapConnection(connection: CruxConnection): Connection {
  const retailerOrg = connection.retailer.organization.uuid;
  const supplierOrg = connection.supplier.organization.uuid;
  return {
    ...blankConnection(
      Provider.CRUX,
      connection.uuid,
      connection.uuid,
      ConnectionKind.RETAILER_SUPPLIER,
    ),
    status: enumValue<ConnectionStatus>(connection.status),
    retailer: {
      uuid: connection.retailer.uuid,
      contact: connection.retailer.contact ? mapPerson(connection.retailer.contact) : null,
      organizationRef: ref(retailerOrg),
    },
    supplier: {
      uuid: connection.supplier.uuid,
      contact: connection.supplier.contact ? mapPerson(connection.supplier.contact) : null,
      organizationRef: ref(supplierOrg),
    },
    accountManager: mapAccountManager(connection.account_manager),
    suppliersRetailerAccountNumber: connection.suppliers_retailer_account_number ?? null,
    retailersSupplierAccountNumber: connection.retailers_supplier_account_number ?? null,
    organizationRefs: [ref(retailerOrg), ref(supplierOrg)],
  };
}

export function mapPermission(permission: CruxPermission): Permission {
  return {
    __typename: 'Permission',
    id: encodeGlobalId('Permission', Provider.CRUX, permission.uuid),
    provider: Provider.CRUX,
    nativeId: permission.uuid,
    key: permission.uuid,
    name: permission.name,
    displayName: permission.display_name ?? null,
    description: permission.description ?? null,
    visibility: (permission.visibility ?? null) as PermissionVisibility | null,
    grouping: permission.grouping ?? null,
  };
}

export function mapUser(user: CruxUser): User {
  const { person } = user;
  const name = [person.first_name?.trim(), person.last_name?.trim()].filter(Boolean).join(' ');
  return {
    ...blankUser(Provider.CRUX, user.uuid, user.uuid),
    name: name || null,
    email: person.email ?? null,
    status: enumValue<UserStatus>(user.status),
    person: mapPerson(person),
    orgUserId: user.permission_assignments.org_user?.uuid ?? null,
    permissionAssignments: user.permission_assignments.permissions.map((assignment) => ({
      assigned: assignment.assigned,
      permission: mapPermission(assignment.permission),
    })),
  };
}
