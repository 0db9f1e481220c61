import type { Provider } from '../../model/provider';
import { entityClass } from '../common/entity-class';
import type { ConnectionKind } from './connection-kind.enum';
import type { Connection } from './connection.type';

class ConnectionEntity extends entityClass<Connection>('Connection') {
  constructor(provider: Provider, key: string, nativeId: string, kind: ConnectionKind) {
    super();
    this.provider = provider;
    this.nativeId = nativeId;
    this.key = key;
    this.kind = kind;
    this.status = null;
    this.retailer = null;
    this.supplier = null;
    this.accountManager = null;
    this.suppliersRetailerAccountNumber = null;
    this.retailersSupplierAccountNumber = null;
    this.connectionTypes = null;
    this.createdAt = null;
    this.identityConnection = null;
    this.organizationConnectionName = null;
    this.assignMembershipOnLogin = null;
    this.showAsButton = null;
    this.isSignupEnabled = null;
    this.organizationAccessLevel = null;
    this.isEnabled = null;
    this.organizationRefs = [];
    this.sourceRef = null;
    this.sinkRef = null;
    this.createdByRef = null;
  }
}

/**
 * A connection with every provider-specific field empty. Each provider's mapper sets its own part
 * on it, so a field added to Connection needs no change in the providers that do not have it.
 */
export function blankConnection(
  provider: Provider,
  key: string,
  nativeId: string,
  kind: ConnectionKind,
): Connection {
  return new ConnectionEntity(provider, key, nativeId, kind);
}
