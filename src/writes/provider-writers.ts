import type { Catalog } from '../graph/catalog/catalog';
import { Provider } from '../model/provider';
import type { ProviderSource } from '../providers/provider-source';
import type {
  OrgDataSharingWrites,
  OrganizationMembershipWrites,
} from '../providers/provider-writes';

/**
 * The writing side of a provider's source. The catalog refuses a provider that is not configured, or
 * that the caller may not use, before anything is sent.
 */
export function orgDataSharingWriter(catalog: Catalog): OrgDataSharingWrites {
  const source: ProviderSource & Partial<OrgDataSharingWrites> = catalog.source(Provider.DATADOG);
  if (!source.createOrgDataSharingConnection) throw new Error('the Datadog source does not write');
  return source as OrgDataSharingWrites;
}

export function membershipWriter(catalog: Catalog): OrganizationMembershipWrites {
  const source: ProviderSource & Partial<OrganizationMembershipWrites> = catalog.source(
    Provider.AUTH0,
  );
  if (!source.addIdentityConnection) throw new Error('the Auth0 source does not write');
  return source as OrganizationMembershipWrites;
}
