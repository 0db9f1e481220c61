import type { ConnectionParty } from '../../../../src/graph/connection/connection-party.type';
import type { Connection } from '../../../../src/graph/connection/connection.type';
import type { Organization } from '../../../../src/graph/organization/organization.type';
import type { User } from '../../../../src/graph/user/user.type';
import type { Provider } from '../../../../src/model/provider';

/**
 * A pointer from one object to another. `embedded` is the object as the referring row already carries
 * it (a Crux party's organization, a named Datadog org or creator): no lookup is needed then.
 */
export interface Link<T> {
  provider: Provider;
  key: string;
  embedded?: () => T;
}

export type LinkedParty = ConnectionParty & { organizationLink: Link<Organization> };

/** orgraph's Connection, its references kept as links. */
export type LinkedConnection = Connection & {
  retailer: LinkedParty | null;
  supplier: LinkedParty | null;
  organizationLinks: Array<Link<Organization>>;
  sourceLink: Link<Organization> | null;
  sinkLink: Link<Organization> | null;
  createdByLink: Link<User> | null;
};
