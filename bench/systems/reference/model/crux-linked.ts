import type { ConnectionParty } from '../../../../src/graph/connection/connection-party.type';
import type { Organization } from '../../../../src/graph/organization/organization.type';
import { Provider } from '../../../../src/model/provider';
import { mapConnection } from '../../../../src/providers/crux/crux-mapper';
import type { CruxConnection, CruxOrganization } from '../../../../src/providers/crux/crux.schemas';
import type { Link, LinkedConnection, LinkedParty } from './links';

/**
 * A Crux connection in orgraph's model. Both parties embed their whole organization, the same one
 * orgraph's organization list keeps for that uuid, so no party needs a lookup.
 */
export function linkCruxConnection(
  raw: CruxConnection,
  mapOrganization: (org: CruxOrganization) => Organization,
): LinkedConnection {
  const connection = mapConnection(raw);
  const party = (mapped: ConnectionParty | null, org: CruxOrganization): LinkedParty => {
    if (!mapped) throw new Error('Crux connection without a party');
    const organizationLink: Link<Organization> = {
      provider: Provider.CRUX,
      key: org.uuid,
      embedded: () => mapOrganization(org),
    };
    return { ...mapped, organizationLink };
  };
  const retailer = party(connection.retailer, raw.retailer.organization);
  const supplier = party(connection.supplier, raw.supplier.organization);
  return {
    ...connection,
    retailer,
    supplier,
    organizationLinks: [retailer.organizationLink, supplier.organizationLink],
    sourceLink: null,
    sinkLink: null,
    createdByLink: null,
  };
}
