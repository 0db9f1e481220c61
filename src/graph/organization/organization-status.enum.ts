import { registerEnumType } from 'type-graphql';

export enum OrganizationStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}

registerEnumType(OrganizationStatus, {
  name: 'OrganizationStatus',
  description: 'Status of a Crux organization.',
});
