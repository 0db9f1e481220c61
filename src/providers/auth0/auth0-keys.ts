import { compositeKey, splitCompositeKey } from '../../model/global-id';

/** Auth0 organization ids are at most 50 characters; longer ones can name nothing. */
export const MAX_ORGANIZATION_ID_LENGTH = 50;

/**
 * An Auth0 organization connection and an organization member exist per organization (the same
 * `con_...` or user can belong to several), so their keys pair the organization id with their own id.
 */
export const membershipKey = (organizationId: string, id: string) =>
  compositeKey(organizationId, id);

export function splitMembershipKey(key: string): { organizationId: string; id: string } | null {
  const parts = splitCompositeKey(key, 2);
  if (!parts || !isOrganizationId(parts[0])) return null;
  return { organizationId: parts[0], id: parts[1] };
}

export function isOrganizationId(id: string): boolean {
  return id.length > 0 && id.length <= MAX_ORGANIZATION_ID_LENGTH;
}
