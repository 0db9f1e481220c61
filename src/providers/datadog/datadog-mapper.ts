import { blankConnection } from '../../graph/connection/blank-connection';
import { ConnectionKind } from '../../graph/connection/connection-kind.enum';
import type { Connection } from '../../graph/connection/connection.type';
import type { EntityRef } from '../../graph/common/entity-ref';
import { blankOrganization } from '../../graph/organization/blank-organization';
import type { Organization } from '../../graph/organization/organization.type';
import { blankUser } from '../../graph/user/blank-user';
import type { User } from '../../graph/user/user.type';
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
  const mapped = blankConnection(
    Provider.DATADOG,
    connection.id,
    connection.id,
    ConnectionKind.ORG_DATA_SHARING,
  );
  mapped.connectionTypes = [...attributes.connection_types];
  mapped.createdAt = attributes.created_at;
  mapped.sourceRef = source === undefined ? null : ref(source);
  mapped.sinkRef = sink === undefined ? null : ref(sink);
  mapped.organizationRefs = [mapped.sourceRef, mapped.sinkRef].filter(
    (r): r is EntityRef => r !== null,
  );
  mapped.createdByRef = creator === undefined ? null : ref(creator);
  return mapped;
}

/** An org as a connection names it. `name` is required in the graph: the id stands in when missing. */
export function mapOrganization(org: DatadogRelationshipData): Organization {
  return blankOrganization(Provider.DATADOG, org.id, nameOf(org) ?? org.id);
}

/** A connection's creator: all Datadog says of a user is an id and, usually, a name. */
export function mapUser(user: DatadogRelationshipData): User {
  const mapped = blankUser(Provider.DATADOG, user.id, user.id);
  mapped.name = nameOf(user);
  return mapped;
}
