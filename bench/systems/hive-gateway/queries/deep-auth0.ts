import { Provider } from '../../../../src/model/provider';
import type { HiveQuery } from '../hive-query.type';
import { auth0MembershipId, firstPage, globalId } from '../orgraph-ids';

interface HiveOrganization {
  id: string;
  name: string;
  connections: Array<{ connection_id: string; organization: HiveInnerOrganization }>;
}
interface HiveInnerOrganization {
  id: string;
  name: string;
  connections: Array<{ connection_id: string }>;
}
interface HiveAnswer {
  auth0Organizations: { organizations: HiveOrganization[] };
}

/**
 * The Auth0 part of `deep`: 20 organizations → their connections → the connection's organization →
 * its connections, counted. Hive follows every edge with its own upstream call: an organization's
 * connections (mesh.config.ts), the connection's organization (an OpenAPI link, GET by id) and that
 * organization's connections again. An organization's connection list is unpaged in Hive's schema
 * (Auth0 sends a bare array without include_totals), so the first 5 and the count are taken here.
 */
export const deepAuth0: HiveQuery = {
  name: 'deep-auth0',
  document: /* GraphQL */ `
    query DeepAuth0 {
      auth0Organizations(page: 0, per_page: 20, include_totals: true) {
        organizations {
          id
          name
          connections {
            connection_id
            organization {
              id
              name
              connections {
                connection_id
              }
            }
          }
        }
      }
    }
  `,
  orgraphDocument: /* GraphQL */ `
    query DeepAuth0 {
      auth0: organizations(filter: { providers: [AUTH0] }, limit: 20) {
        items {
          id
          name
          connections(limit: 5) {
            totalCount
            items {
              id
              kind
              organizations {
                id
                name
                connections(limit: 5) {
                  totalCount
                }
              }
            }
          }
        }
      }
    }
  `,
  normalizeHive(data) {
    const { organizations } = (data as HiveAnswer).auth0Organizations;
    return {
      auth0: {
        items: organizations.map((org) => {
          const page = firstPage(org.connections, 5);
          return {
            id: globalId('Organization', Provider.AUTH0, org.id),
            name: org.name,
            connections: {
              totalCount: page.totalCount,
              items: page.items.map((c) => ({
                id: auth0MembershipId('Connection', org.id, c.connection_id),
                // Every Auth0 connection is an identity connection.
                kind: 'IDENTITY',
                organizations: [
                  {
                    id: globalId('Organization', Provider.AUTH0, c.organization.id),
                    name: c.organization.name,
                    connections: { totalCount: c.organization.connections.length },
                  },
                ],
              })),
            },
          };
        }),
      },
    };
  },
  normalizeOrgraph: (data) => data,
};
