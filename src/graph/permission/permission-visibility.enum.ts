import { registerEnumType } from 'type-graphql';

export enum PermissionVisibility {
  SUPPLIER = 'SUPPLIER',
  RETAILER = 'RETAILER',
  BOTH = 'BOTH',
}

registerEnumType(PermissionVisibility, {
  name: 'PermissionVisibility',
  description: 'Which kind of Crux organization a permission is visible to.',
});
