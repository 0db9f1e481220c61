import { compositeKey, encodeGlobalId, type EntityType } from '../../../src/model/global-id';
import { Provider } from '../../../src/model/provider';

/**
 * orgraph's global ids for the native ids Hive returns, made by orgraph's own functions, so that Hive's
 * normalized answer can equal orgraph's byte for byte.
 */
export const globalId = (type: EntityType, provider: Provider, key: string) =>
  encodeGlobalId(type, provider, key);

/** Auth0 connections and members exist per organization: their keys pair the two ids. */
export const auth0MembershipId = (
  type: 'Connection' | 'User',
  organizationId: string,
  id: string,
) => encodeGlobalId(type, Provider.AUTH0, compositeKey(organizationId, id));

/** A page of `limit` from a list Hive returned whole (it cannot page an unpaged upstream list). */
export function firstPage<T>(all: readonly T[], limit: number) {
  return { totalCount: all.length, hasNextPage: all.length > limit, items: all.slice(0, limit) };
}

/** Crux writes "CONFIRMATION WAITING"; orgraph's enum value has an underscore. */
export const cruxEnum = (value: string) => value.replace(/ /g, '_');
