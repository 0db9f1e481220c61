import { encodeGlobalId } from '../../model/global-id';
import type { Provider } from '../../model/provider';
import type { ConnectionKind } from './connection-kind.enum';
import type { Connection } from './connection.type';

/**
 * A connection with every provider-specific field empty. Each provider's mapper spreads it and fills its
 * own part, so a field added to Connection needs no change in the providers that do not have it.
 */
export function blankConnection(
  provider: Provider,
  key: string,
  nativeId: string,
  kind: ConnectionKind,
): Connection {
  return {
    __typename: 'Connection',
    id: encodeGlobalId('Connection', provider, key),
    provider,
    nativeId,
    key,
    kind,
    status: null,
    retailer: null,
    supplier: null,
    accountManager: null,
    suppliersRetailerAccountNumber: null,
    retailersSupplierAccountNumber: null,
    connectionTypes: null,
    createdAt: null,
    identityConnection: null,
    organizationConnectionName: null,
    assignMembershipOnLogin: null,
    showAsButton: null,
    isSignupEnabled: null,
    organizationAccessLevel: null,
    isEnabled: null,
    organizationRefs: [],
    sourceRef: null,
    sinkRef: null,
    createdByRef: null,
  };
}
