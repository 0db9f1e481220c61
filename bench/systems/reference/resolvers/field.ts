import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import type { ReferenceContext } from '../context';

export type FieldResolver = GraphQLFieldResolver<unknown, ReferenceContext>;

/**
 * A resolver written with the source and argument types its schema field guarantees. graphql-js
 * passes `unknown`s; the schema is the contract, so this is the one place they are narrowed.
 */
export function field<TSource, TArgs>(
  resolve: (
    source: TSource,
    args: TArgs,
    context: ReferenceContext,
    info: GraphQLResolveInfo,
  ) => unknown,
): FieldResolver {
  return resolve as unknown as FieldResolver;
}

/** Field resolvers by type and field name, as graphql-tools writes them. */
export type ResolverMap = Record<string, Record<string, FieldResolver>>;
