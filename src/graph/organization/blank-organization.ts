import { encodeGlobalId } from '../../model/global-id';
import type { Provider } from '../../model/provider';
import type { Organization } from './organization.type';

/** An organization with only its identity and name; mappers fill in their provider's fields. */
export function blankOrganization(provider: Provider, key: string, name: string): Organization {
  return {
    __typename: 'Organization',
    id: encodeGlobalId('Organization', provider, key),
    provider,
    nativeId: key,
    key,
    name,
    displayName: null,
    website: null,
    orgType: null,
    status: null,
    createdDate: null,
    activeDate: null,
    accountManager: null,
    branding: null,
    metadata: null,
  };
}
