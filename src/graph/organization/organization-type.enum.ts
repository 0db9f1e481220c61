import { registerEnumType } from 'type-graphql';

export enum OrganizationType {
  RETAILER = 'RETAILER',
  SUPPLIER = 'SUPPLIER',
}

registerEnumType(OrganizationType, {
  name: 'OrganizationType',
  description: 'Whether a Crux organization is a retailer or a supplier.',
});
