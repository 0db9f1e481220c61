import type { EntityType } from '../../src/model/global-id';
import type { Provider } from '../../src/model/provider';

/** What a router sends orgraph for entities: the same selection for every type, via Node. */
export const ENTITIES_QUERY = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename ... on Node { id provider nativeId } } }`;

/** The same objects in one ordinary query: the cost `_entities` must not exceed. */
export const NODES_QUERY = `query($ids: [ID!]!) {
  nodes(ids: $ids) { __typename ... on Node { id provider nativeId } } }`;

const LIST_FIELD: Record<EntityType, string> = {
  Organization: 'organizations',
  Connection: 'connections',
  User: 'users',
  Permission: 'permissions',
};

/** A provider's objects of one type, in list order, by one ordinary list query. */
export function listQuery(type: EntityType, provider: Provider): string {
  return `{ list: ${LIST_FIELD[type]}(filter: { providers: [${provider}] }, limit: 500) {
    items { id provider nativeId } } }`;
}

export interface EntityRow {
  id: string;
  provider: Provider;
  nativeId: string;
}

export type Key = 'id' | 'provider nativeId';

/** The first `count` objects, cycling through them again when the provider has fewer. */
export function firstN<T>(items: readonly T[], count: number): T[] {
  if (items.length === 0) throw new Error('no objects to take from');
  return Array.from({ length: count }, (_, i) => items[i % items.length]);
}

/** A representation as a router sends it, by one of the entity's keys. */
export function representation(type: EntityType, row: EntityRow, key: Key): Record<string, string> {
  return key === 'id'
    ? { __typename: type, id: row.id }
    : { __typename: type, provider: row.provider, nativeId: row.nativeId };
}

/** The provider key inside a global id (base64url of `[type, provider, key]`). */
export function providerKey(id: string): string {
  return (JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as [string, string, string])[2];
}
