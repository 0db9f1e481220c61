import { Provider } from '../../../../src/model/provider';
import type { HiveQuery } from '../hive-query.type';
import { auth0MembershipId, cruxEnum, firstPage, globalId } from '../orgraph-ids';

interface Named {
  data: { name: string };
}
interface HiveAnswer {
  cruxConnections: Array<{
    uuid: string;
    status: string;
    retailer: { organization: { name: string }; contact: { email: string | null } | null };
    supplier: { organization: { name: string } };
  }>;
  auth0Organizations: {
    total: number;
    organizations: Array<{
      id: string;
      name: string;
      connections: Array<{
        connection_id: string;
        connection: { strategy: string };
        is_enabled: boolean;
      }>;
    }>;
  };
  datadogOrgConnections: {
    meta: { page: { total_count: number } };
    data: Array<{
      id: string;
      attributes: { connection_types: string[] };
      relationships: { source_org: Named; sink_org: Named; created_by: { data: { id: string } } };
    }>;
  };
}

interface OrgraphAnswer {
  datadog: { items: Array<{ createdBy: { id: string } }> };
}

/**
 * `mixed` without `providers`, orgraph's own configuration (no upstream behind it): Crux connections,
 * Auth0 organizations with their identity connections, Datadog connections with their creator. Both
 * systems are asked for the creator's name, but it is compared by id only: Datadog leaves the name
 * out of some connections (as recorded), and orgraph fills it in from another connection naming the
 * same user, a join Hive cannot express.
 */
export const mixedNoProviders: HiveQuery = {
  name: 'mixed-no-providers',
  document: /* GraphQL */ `
    query Mixed {
      cruxConnections {
        uuid
        status
        retailer {
          organization {
            name
          }
          contact {
            email
          }
        }
        supplier {
          organization {
            name
          }
        }
      }
      auth0Organizations(page: 0, per_page: 10, include_totals: true) {
        total
        organizations {
          id
          name
          connections {
            connection_id
            connection {
              strategy
            }
            is_enabled
          }
        }
      }
      datadogOrgConnections(limit: 10, offset: 0) {
        meta {
          page {
            total_count
          }
        }
        data {
          id
          attributes {
            connection_types
          }
          relationships {
            source_org {
              data {
                name
              }
            }
            sink_org {
              data {
                name
              }
            }
            created_by {
              data {
                id
                name
              }
            }
          }
        }
      }
    }
  `,
  orgraphDocument: /* GraphQL */ `
    query Mixed {
      crux: connections(filter: { providers: [CRUX] }, limit: 10) {
        totalCount
        items {
          id
          status
          retailer {
            organization {
              name
            }
            contact {
              email
            }
          }
          supplier {
            organization {
              name
            }
          }
        }
      }
      auth0: organizations(filter: { providers: [AUTH0] }, limit: 10) {
        totalCount
        items {
          id
          name
          connections {
            items {
              id
              identityConnection {
                connectionId
                strategy
              }
              isEnabled
            }
          }
        }
      }
      datadog: connections(filter: { providers: [DATADOG] }, limit: 10) {
        totalCount
        items {
          id
          connectionTypes
          source {
            name
          }
          sink {
            name
          }
          createdBy {
            id
            name
          }
        }
      }
    }
  `,
  normalizeHive(data) {
    const answer = data as HiveAnswer;
    const crux = firstPage(answer.cruxConnections, 10);
    const auth0 = answer.auth0Organizations;
    const datadog = answer.datadogOrgConnections;
    return {
      crux: {
        totalCount: crux.totalCount,
        items: crux.items.map((c) => ({
          id: globalId('Connection', Provider.CRUX, c.uuid),
          status: cruxEnum(c.status),
          retailer: {
            organization: { name: c.retailer.organization.name },
            contact: c.retailer.contact ? { email: c.retailer.contact.email } : null,
          },
          supplier: { organization: { name: c.supplier.organization.name } },
        })),
      },
      auth0: {
        totalCount: auth0.total,
        items: auth0.organizations.map((o) => ({
          id: globalId('Organization', Provider.AUTH0, o.id),
          name: o.name,
          connections: {
            items: o.connections.map((c) => ({
              id: auth0MembershipId('Connection', o.id, c.connection_id),
              identityConnection: {
                connectionId: c.connection_id,
                strategy: c.connection.strategy,
              },
              isEnabled: c.is_enabled,
            })),
          },
        })),
      },
      datadog: {
        totalCount: datadog.meta.page.total_count,
        items: datadog.data.map((c) => ({
          id: globalId('Connection', Provider.DATADOG, c.id),
          connectionTypes: c.attributes.connection_types,
          source: { name: c.relationships.source_org.data.name },
          sink: { name: c.relationships.sink_org.data.name },
          createdBy: { id: globalId('User', Provider.DATADOG, c.relationships.created_by.data.id) },
        })),
      },
    };
  },
  normalizeOrgraph(data) {
    const answer = data as OrgraphAnswer;
    const items = answer.datadog.items.map((c) => ({ ...c, createdBy: { id: c.createdBy.id } }));
    return { ...answer, datadog: { ...answer.datadog, items } };
  },
};
