import type { SeededRandom } from '../random';
import type { CruxPermissionJson } from './crux-data';

/**
 * The permissions a retailer account sees. The first five are worded exactly as Crux's docs show them
 * (typos included); only the uuids come from the seed.
 */
const CATALOGUE: Omit<CruxPermissionJson, 'uuid'>[] = [
  {
    name: 'view_org_users',
    display_name: 'View Users',
    description: 'Ability to see the users in an organization',
    visibility: 'BOTH',
    grouping: 'ORGUSERS',
  },
  {
    name: 'edit_org_users',
    display_name: 'Edit Users',
    description: 'Ability to edit/change/delete users in an organization',
    visibility: 'BOTH',
    grouping: 'ORGUSERS',
  },
  {
    name: 'view_org_subscription_plan',
    display_name: 'View Subscription Plan',
    description: 'View the subscription plan info for an organization',
    visibility: 'BOTH',
    grouping: 'ORGSUB',
  },
  {
    name: 'create_org',
    display_name: 'Create Organization',
    description: 'Ability to create an org',
    visibility: 'BOTH',
    grouping: 'ORG',
  },
  {
    name: 'update_org_status',
    display_name: 'Update Org Status',
    description: 'Update the org status pending, active, or deactive',
    visibility: 'BOTH',
    grouping: 'ORG',
  },
  {
    name: 'create_relationships',
    display_name: 'Create Relationship',
    description: 'Add a relationship between organizaitons, such as supplier to retailer',
    visibility: 'RETAILER',
    grouping: 'RELATIONSHIPS',
  },
  {
    name: 'view_connections',
    display_name: 'View Connections',
    description: 'Ability to see the connections of an organization',
    visibility: 'BOTH',
    grouping: 'RELATIONSHIPS',
  },
  {
    name: 'edit_connections',
    display_name: 'Edit Connections',
    description: 'Ability to change account numbers and contacts on connections',
    visibility: 'RETAILER',
    grouping: 'RELATIONSHIPS',
  },
];

export function seedPermissions(rng: SeededRandom): CruxPermissionJson[] {
  return CATALOGUE.map((permission) => ({ uuid: rng.uuid(), ...permission }));
}
