import { Provider } from '../../../../src/model/provider';
import type { HiveQuery } from '../hive-query.type';
import { globalId } from '../orgraph-ids';

const LIMIT = 500;

interface HiveAnswer {
  datadogOrgConnections: {
    meta: { page: { total_count: number } };
    data: Array<{
      id: string;
      attributes: { created_at: string };
      relationships: { source_org: { data: { id: string } } };
    }>;
  };
}

/**
 * The whole query, one page per request: the harness walks `offset` 0, 500, ... while the normalized
 * `connections.hasNextPage` is true, for both systems. Hive asks Datadog for exactly each page.
 */
export function walkPages(offset: number): HiveQuery {
  return {
    name: 'walk-pages',
    variables: { offset },
    document: /* GraphQL */ `
      query WalkPages($offset: Int!) {
        datadogOrgConnections(limit: ${LIMIT}, offset: $offset) {
          meta {
            page {
              total_count
            }
          }
          data {
            id
            attributes {
              created_at
            }
            relationships {
              source_org {
                data {
                  id
                }
              }
            }
          }
        }
      }
    `,
    normalizeHive(data) {
      const { meta, data: items } = (data as HiveAnswer).datadogOrgConnections;
      return {
        connections: {
          hasNextPage: offset + LIMIT < meta.page.total_count,
          items: items.map((c) => ({
            id: globalId('Connection', Provider.DATADOG, c.id),
            createdAt: c.attributes.created_at,
            source: {
              id: globalId('Organization', Provider.DATADOG, c.relationships.source_org.data.id),
            },
          })),
        },
      };
    },
    normalizeOrgraph: (data) => data,
  };
}
