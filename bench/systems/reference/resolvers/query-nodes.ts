import { GraphQLError } from 'graphql';
import { field } from './field';
import { byGlobalIds } from './by-global-ids';

const MAX_NODES = 100;

/** `nodes(ids)`: any objects by global ID, in order. */
export const nodesField = field<unknown, { ids: string[] }>((_root, { ids }, { access }) => {
  if (ids.length > MAX_NODES)
    throw new GraphQLError(`nodes takes at most ${MAX_NODES} IDs, got ${ids.length}`);
  return byGlobalIds(access, ids);
});

/** A router's `_entities`: organizations by `{__typename: "Organization", id}`, in order. */
export const entitiesField = field<unknown, { representations: unknown[] }>(
  (_root, { representations }, { access }) =>
    byGlobalIds(access, representations.map(organizationId), 'Organization'),
);

function organizationId(representation: unknown): string {
  const { __typename, id } = (representation ?? {}) as { __typename?: unknown; id?: unknown };
  if (__typename !== 'Organization' || typeof id !== 'string')
    throw new GraphQLError('The reference resolves `{__typename: "Organization", id}` only');
  return id;
}
