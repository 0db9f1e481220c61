import type { Organization } from '../../../../src/graph/organization/organization.type';
import type { User } from '../../../../src/graph/user/user.type';
import type { Provider } from '../../../../src/model/provider';
import type { LinkedConnection } from '../model/links';
import type { ListView } from '../model/list-view';
import type { PagePart } from '../paging/merged-page';

/**
 * What the resolvers ask of one provider, for one request, in orgraph's model. Each provider answers
 * as orgraph's ProviderSource does; the strategy decides which calls that costs.
 */
export interface ProviderAccess {
  readonly provider: Provider;

  /** The provider's share of the root lists. */
  readonly organizations: PagePart<Organization>;
  readonly connections: PagePart<LinkedConnection>;
  readonly users: PagePart<User>;

  /** Objects by key, in order; null where the provider has none. */
  organizationsByKey(keys: readonly string[]): Promise<Array<Organization | null>>;
  connectionsByKey(keys: readonly string[]): Promise<Array<LinkedConnection | null>>;
  user(key: string): Promise<User | null>;

  /** An organization's connections, in orgraph's order for the provider. */
  connectionsOf(organizationKey: string): Promise<ListView<LinkedConnection>>;
  usersWithPermission(permissionKey: string): Promise<User[]>;
}

/** A list read whole, as a page part: counts and windows from the one list. */
export function wholeListPart<T>(list: () => Promise<ListView<T>>): PagePart<T> {
  return {
    count: async () => (await list()).length,
    page: async (from, count) => (await list()).slice(from, from + count),
  };
}
