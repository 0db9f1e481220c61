import type { IResolvers } from '@graphql-tools/utils';
import type { Context } from '../context/context.type';
import { encodeGlobalId, type EntityType } from '../model/global-id';
import { Provider } from '../model/provider';

interface Representation {
  id?: string;
  provider?: string;
  nativeId?: string;
}

/**
 * `__resolveReference` for each entity: a gateway's representations go through the same per-request
 * loaders as ordinary queries, so 100 representations cost what one query for 100 objects costs.
 * Entities keyed by `provider nativeId` use the native id as their key (true for Organization and
 * Permission at every provider).
 */
function resolveReference(type: EntityType) {
  return (representation: Representation, ctx: Context) => {
    const id = representation.id ?? nativeKeyToId(type, representation);
    return id ? ctx.catalog.node(id, type) : null;
  };
}

function nativeKeyToId(type: EntityType, { provider, nativeId }: Representation): string | null {
  if (!provider || !nativeId || !Object.values(Provider).includes(provider as Provider))
    return null;
  return encodeGlobalId(type, provider as Provider, nativeId);
}

export const referenceResolvers: IResolvers<unknown, Context> = {
  Organization: { __resolveReference: resolveReference('Organization') },
  Connection: { __resolveReference: resolveReference('Connection') },
  User: { __resolveReference: resolveReference('User') },
  Permission: { __resolveReference: resolveReference('Permission') },
};
