import { GraphQLError } from 'graphql';
import type { Organization } from '../../../../src/graph/organization/organization.type';
import { decodeGlobalId, type EntityType } from '../../../../src/model/global-id';
import type { Access } from '../access/access';
import type { LinkedConnection } from '../model/links';

export type Entity = Organization | LinkedConnection;

/**
 * Objects by global ID, in order, null where missing. The keys of one type at one provider are asked
 * together, so the strategy can plan them as one lookup (or, naive, one by one).
 */
export async function byGlobalIds(
  access: Access,
  ids: readonly string[],
  expected?: EntityType,
): Promise<Array<Entity | null>> {
  const groups = new Map<string, { indexes: number[]; keys: string[] }>();
  const decoded = ids.map((id) => decodeGlobalId(id, expected));
  decoded.forEach(({ type, provider, key }, index) => {
    const name = `${type}:${provider}`;
    let group = groups.get(name);
    if (!group) groups.set(name, (group = { indexes: [], keys: [] }));
    group.indexes.push(index);
    group.keys.push(key);
  });
  const out = new Array<Entity | null>(ids.length).fill(null);
  await Promise.all(
    [...groups].map(async ([name, { indexes, keys }]) => {
      const { type, provider } = decoded[indexes[0]];
      const source = access.get(provider);
      let found: Array<Entity | null>;
      if (type === 'Organization') found = await source.organizationsByKey(keys);
      else if (type === 'Connection') found = await source.connectionsByKey(keys);
      else throw new GraphQLError(`The reference does not look up ${name} by ID`);
      found.forEach((entity, i) => (out[indexes[i]] = entity));
    }),
  );
  return out;
}
