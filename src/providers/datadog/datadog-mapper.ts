import { ConnectionKind } from '../../graph/connection/connection-kind.enum';
import type { Connection } from '../../graph/connection/connection.type';
import type { EntityRef } from '../../graph/common/entity-ref';
import type { Organization } from '../../graph/organization/organization.type';
import type { User } from '../../graph/user/user.type';
import { encodeGlobalId } from '../../model/global-id';
import { Provider } from '../../model/provider';
import type { DatadogOrgConnection, DatadogRelationshipData } from './datadog.schemas';

const ref = (key: string): EntityRef => ({ provider: Provider.DATADOG, key });

/** A relationship's name, or null: some responses send ids only. */
export function nameOf(data: DatadogRelationshipData): string | null {
  return typeof data.name === 'string' && data.name.trim() !== '' ? data.name : null;
}

export function mapConnection(connection: DatadogOrgConnection): Connection {
  const { relationships, attributes } = connection;
  const source = relationships.source_org?.data.id;
  const sink = relationships.sink_org?.data.id;
  const creator = relationships.created_by?.data.id;
  return {
    __typename: 'Connection',
    id: encodeGlobalId('Connection', Provider.DATADOG, connection.id),
    provider: Provider.DATADOG,
    nativeId: connection.id,
    key: connection.id,
    kind: ConnectionKind.ORG_DATA_SHARING,
    status: null,
    retailer: null,
    supplier: null,
    accountManager: null,
    suppliersRetailerAccountNumber: null,
    retailersSupplierAccountNumber: null,
    connectionTypes: [...attributes.connection_types],
    createdAt: attributes.created_at,
    identityConnection: null,
    organizationConnectionName: null,
    assignMembershipOnLogin: null,
    showAsButton: null,
    isSignupEnabled: null,
    organizationAccessLevel: null,
    isEnabled: null,
    organizationRefs: [source, sink].filter((id): id is string => id !== undefined).map(ref),
    sourceRef: source === undefined ? null : ref(source),
    sinkRef: sink === undefined ? null : ref(sink),
    createdByRef: creator === undefined ? null : ref(creator),
  };
}

/** An org as a connection names it. `name` is required in the graph: the id stands in when missing. */
export function mapOrganization(org: DatadogRelationshipData): Organization {
  return {
    __typename: 'Organization',
    id: encodeGlobalId('Organization', Provider.DATADOG, org.id),
    provider: Provider.DATADOG,
    nativeId: org.id,
    key: org.id,
    name: nameOf(org) ?? org.id,
    displayName: null,
    website: null,
    orgType: null,
    status: null,
    createdDate: null,
    activeDate: null,
    accountManager: null,
    branding: null,
    metadata: null,
  };
}

/** A connection's creator: all Datadog says of a user is an id and, usually, a name. */
export function mapUser(user: DatadogRelationshipData): User {
  return {
    __typename: 'User',
    id: encodeGlobalId('User', Provider.DATADOG, user.id),
    provider: Provider.DATADOG,
    nativeId: user.id,
    key: user.id,
    name: nameOf(user),
    email: null,
    picture: null,
    status: null,
    person: null,
    orgUserId: null,
    permissionAssignments: [],
  };
}
