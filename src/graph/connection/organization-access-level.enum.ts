import { registerEnumType } from 'type-graphql';

export enum OrganizationAccessLevel {
  NONE = 'none',
  READONLY = 'readonly',
  LIMITED = 'limited',
  FULL = 'full',
}

registerEnumType(OrganizationAccessLevel, {
  name: 'OrganizationAccessLevel',
  description: 'Access level of an Auth0 organization connection.',
});
