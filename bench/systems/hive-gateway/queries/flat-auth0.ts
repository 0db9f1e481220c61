import { Provider } from '../../../../src/model/provider';
import type { HiveQuery } from '../hive-query.type';
import { globalId } from '../orgraph-ids';

interface HiveAnswer {
  auth0Organizations: {
    total: number;
    organizations: Array<{
      id: string;
      name: string;
      display_name: string | null;
      metadata: Record<string, string> | null;
      branding: { logo_url: string | null } | null;
    }>;
  };
}

/** The whole query: one Auth0 offset page of 100 with include_totals, as orgraph reads it. */
export const flatAuth0: HiveQuery = {
  name: 'flat-auth0',
  document: /* GraphQL */ `
    query FlatAuth0 {
      auth0Organizations(page: 0, per_page: 100, include_totals: true) {
        total
        organizations {
          id
          name
          display_name
          metadata
          branding {
            logo_url
          }
        }
      }
    }
  `,
  normalizeHive(data) {
    const { total, organizations } = (data as HiveAnswer).auth0Organizations;
    return {
      organizations: {
        totalCount: total,
        hasNextPage: total > 100,
        items: organizations.map((o) => ({
          id: globalId('Organization', Provider.AUTH0, o.id),
          nativeId: o.id,
          name: o.name,
          displayName: o.display_name ?? null,
          metadata: o.metadata ?? null,
          branding: o.branding ? { logoUrl: o.branding.logo_url ?? null } : null,
        })),
      },
    };
  },
  normalizeOrgraph: (data) => data,
};
