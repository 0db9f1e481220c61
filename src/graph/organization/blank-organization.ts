import type { Provider } from '../../model/provider';
import { entityClass } from '../common/entity-class';
import type { Organization } from './organization.type';

class OrganizationEntity extends entityClass<Organization>('Organization') {
  constructor(provider: Provider, key: string, name: string) {
    super();
    this.provider = provider;
    this.nativeId = key;
    this.key = key;
    this.name = name;
    this.displayName = null;
    this.website = null;
    this.orgType = null;
    this.status = null;
    this.createdDate = null;
    this.activeDate = null;
    this.accountManager = null;
    this.branding = null;
    this.metadata = null;
  }
}

/** An organization with only its identity and name; mappers fill in their provider's fields. */
export function blankOrganization(provider: Provider, key: string, name: string): Organization {
  return new OrganizationEntity(provider, key, name);
}
