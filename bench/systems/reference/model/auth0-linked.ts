import { Provider } from '../../../../src/model/provider';
import { mapConnection } from '../../../../src/providers/auth0/auth0-mapper';
import type { Auth0OrganizationConnection } from '../../../../src/providers/auth0/auth0.schemas';
import type { LinkedConnection } from './links';

/** An Auth0 connection as enabled for one organization: that organization is its only one. */
export function linkAuth0Connection(
  organizationId: string,
  item: Auth0OrganizationConnection,
): LinkedConnection {
  return {
    ...mapConnection(organizationId, item),
    retailer: null,
    supplier: null,
    organizationLinks: [{ provider: Provider.AUTH0, key: organizationId }],
    sourceLink: null,
    sinkLink: null,
    createdByLink: null,
  };
}
