import { Provider } from '../../../../src/model/provider';
import type { HiveQuery } from '../hive-query.type';
import { auth0MembershipId, globalId } from '../orgraph-ids';

interface HiveAnswer {
  auth0Organizations: {
    total: number;
    organizations: Array<{
      id: string;
      members: Array<{ user_id: string; name: string | null; roles: HiveRole[] }>;
    }>;
  };
}
interface HiveRole {
  id: string;
  name: string;
}

const LIMIT = 10;
/** Organizations Hive reads for 10 members: enough with the seeded data (checked in normalizeHive). */
const ORGANIZATIONS = 5;

/**
 * The Auth0 part of `users-permissions-users`, two levels deep: the first 10 Auth0 users (organization
 * members, in organization order) and their roles. The third level, everyone else holding a role, is
 * not expressible in Hive: it is a join over every organization's members that no Auth0 endpoint
 * answers (GET /roles/{id}/users lists tenant-wide role holders, another relation).
 */
export const usersPermissionsAuth0: HiveQuery = {
  name: 'users-permissions-users-auth0',
  document: /* GraphQL */ `
    query UsersPermissionsAuth0 {
      auth0Organizations(page: 0, per_page: ${ORGANIZATIONS}, include_totals: true) {
        total
        organizations {
          id
          members {
            user_id
            name
            roles {
              id
              name
            }
          }
        }
      }
    }
  `,
  orgraphDocument: /* GraphQL */ `
    query UsersPermissionsAuth0 {
      users(filter: { providers: [AUTH0] }, limit: ${LIMIT}) {
        hasNextPage
        items {
          id
          provider
          name
          permissions {
            id
            name
          }
        }
      }
    }
  `,
  normalizeHive(data) {
    const { organizations } = (data as HiveAnswer).auth0Organizations;
    const users = organizations.flatMap((org) =>
      org.members.map((m) => ({
        id: auth0MembershipId('User', org.id, m.user_id),
        provider: Provider.AUTH0,
        name: m.name,
        permissions: m.roles.map((r) => ({
          id: globalId('Permission', Provider.AUTH0, r.id),
          name: r.name,
        })),
      })),
    );
    // More than 10 among these organizations is a certain next page; 10 or fewer would need the rest.
    if (users.length <= LIMIT) {
      throw new Error(`users-permissions-users-auth0: raise ORGANIZATIONS (${users.length} users)`);
    }
    return { users: { hasNextPage: true, items: users.slice(0, LIMIT) } };
  },
  normalizeOrgraph: (data) => data,
};
