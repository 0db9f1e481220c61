import { registerEnumType } from 'type-graphql';

export enum ConnectionKind {
  RETAILER_SUPPLIER = 'RETAILER_SUPPLIER',
  IDENTITY = 'IDENTITY',
  ORG_DATA_SHARING = 'ORG_DATA_SHARING',
}

registerEnumType(ConnectionKind, {
  name: 'ConnectionKind',
  description: 'What a connection links.',
  valuesConfig: {
    RETAILER_SUPPLIER: {
      description: 'Crux: a trading relationship between a retailer and a supplier.',
    },
    IDENTITY: { description: 'Auth0: an identity connection enabled for an organization.' },
    ORG_DATA_SHARING: { description: 'Datadog: data shared from a source org to a sink org.' },
  },
});
