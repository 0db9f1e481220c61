import { Provider } from '../../../../src/model/provider';
import type { HiveQuery } from '../hive-query.type';
import { globalId } from '../orgraph-ids';

interface HiveOrg {
  data: { id: string; name: string };
}
interface HiveAnswer {
  datadogOrgConnections: {
    meta: { page: { total_count: number } };
    data: Array<{
      id: string;
      attributes: { created_at: string; connection_types: string[] };
      relationships: { source_org: HiveOrg; sink_org: HiveOrg };
    }>;
  };
}

const organization = (org: HiveOrg) => ({
  id: globalId('Organization', Provider.DATADOG, org.data.id),
  name: org.data.name,
});

/** The whole query: one Datadog page of 100, whose meta carries the total. */
export const flatDatadog: HiveQuery = {
  name: 'flat-datadog',
  document: /* GraphQL */ `
    query FlatDatadog {
      datadogOrgConnections(limit: 100, offset: 0) {
        meta {
          page {
            total_count
          }
        }
        data {
          id
          attributes {
            created_at
            connection_types
          }
          relationships {
            source_org {
              data {
                id
                name
              }
            }
            sink_org {
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
  normalizeHive(data) {
    const { meta, data: items } = (data as HiveAnswer).datadogOrgConnections;
    const total = meta.page.total_count;
    return {
      connections: {
        totalCount: total,
        hasNextPage: total > 100,
        items: items.map((c) => ({
          id: globalId('Connection', Provider.DATADOG, c.id),
          nativeId: c.id,
          connectionTypes: c.attributes.connection_types,
          createdAt: c.attributes.created_at,
          source: organization(c.relationships.source_org),
          sink: organization(c.relationships.sink_org),
        })),
      },
    };
  },
  normalizeOrgraph: (data) => data,
};
