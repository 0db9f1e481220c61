import type { Organization } from '../../../../src/graph/organization/organization.type';
import type { User } from '../../../../src/graph/user/user.type';
import type { Access } from '../access/access';
import type { Link } from '../model/links';

/** The organization a link points to: as embedded in the referring row, or looked up. */
export async function linkedOrganization(
  access: Access,
  link: Link<Organization>,
): Promise<Organization | null> {
  if (link.embedded) return link.embedded();
  return (await access.get(link.provider).organizationsByKey([link.key]))[0];
}

export function linkedUser(access: Access, link: Link<User>): Promise<User | null> {
  return link.embedded
    ? Promise.resolve(link.embedded())
    : access.get(link.provider).user(link.key);
}
