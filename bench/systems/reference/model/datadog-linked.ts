import { Provider } from '../../../../src/model/provider';
import {
  mapConnection,
  mapOrganization,
  mapUser,
  nameOf,
} from '../../../../src/providers/datadog/datadog-mapper';
import type {
  DatadogOrgConnection,
  DatadogRelationshipData,
} from '../../../../src/providers/datadog/datadog.schemas';
import type { Organization } from '../../../../src/graph/organization/organization.type';
import type { User } from '../../../../src/graph/user/user.type';
import type { Link, LinkedConnection } from './links';

/**
 * A Datadog org connection in orgraph's model. A named relationship is the org or user itself; a
 * nameless one (some rows name only the id) needs a lookup, since another row may name it.
 */
export function linkDatadogConnection(row: DatadogOrgConnection): LinkedConnection {
  const { source_org, sink_org, created_by } = row.relationships;
  const sourceLink = link(source_org?.data, mapOrganization);
  const sinkLink = link(sink_org?.data, mapOrganization);
  return {
    ...mapConnection(row),
    retailer: null,
    supplier: null,
    organizationLinks: [sourceLink, sinkLink].filter((l): l is Link<Organization> => l !== null),
    sourceLink,
    sinkLink,
    createdByLink: link(created_by?.data, mapUser),
  };
}

function link<T extends Organization | User>(
  data: DatadogRelationshipData | undefined,
  map: (data: DatadogRelationshipData) => T,
): Link<T> | null {
  if (!data) return null;
  const named = nameOf(data) !== null;
  return {
    provider: Provider.DATADOG,
    key: data.id,
    embedded: named ? () => map(data) : undefined,
  };
}
