import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap } from 'type-graphql';
import { referenceResolvers } from './reference-resolvers';
import { resolvers } from './resolvers';

/** The Federation version the subgraph links to. */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.7';

/**
 * The one schema orgraph serves: type-graphql's classes turned into an Apollo Federation 2 subgraph.
 * Ordinary queries and a router's `_entities` run on the same build, so the two cannot drift. Object
 * types declare `simpleResolvers: true`: with no middlewares or auth checks here, their plain fields
 * are read by graphql-js itself rather than through a type-graphql wrapper per field resolved.
 */
export async function buildOrgraphSchema(): Promise<GraphQLSchema> {
  return (await buildOrgraphSchemas()).subgraph;
}

export interface OrgraphSchemas {
  /** The type-graphql build: the API as clients see it, without federation plumbing. */
  api: GraphQLSchema;
  /** The same build as an Apollo Federation 2 subgraph: what the server executes. */
  subgraph: GraphQLSchema;
}

export async function buildOrgraphSchemas(): Promise<OrgraphSchemas> {
  const typeGraphqlSchema = await buildSchema({
    resolvers,
    validate: false,
    // Federation adds Query._service and _entities, so the plain build may look incomplete.
    skipCheck: true,
  });
  const resolverMap = createResolversMap(typeGraphqlSchema) as Record<string, object>;
  for (const [typeName, typeResolvers] of Object.entries(referenceResolvers)) {
    resolverMap[typeName] = { ...resolverMap[typeName], ...(typeResolvers as object) };
  }
  const subgraph = buildSubgraphSchema({
    typeDefs: gql`
      extend schema @link(url: "${FEDERATION_LINK}", import: ["@key", "@shareable"])
      ${printSchemaWithDirectives(typeGraphqlSchema)}
    `,
    resolvers: resolverMap as never,
  });
  return { api: typeGraphqlSchema, subgraph };
}
