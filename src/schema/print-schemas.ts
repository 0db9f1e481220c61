import { printSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { OrgraphSchemas } from './build-schema';

export const SCHEMA_FILES = {
  /** The API as clients see it (introspection, codegen): no federation plumbing. */
  api: 'schema/schema.graphql',
  /** The subgraph SDL as a router composes it: `@link`, `@key` and the other federation directives. */
  subgraph: 'schema/subgraph.graphql',
} as const;

/** Both files' contents, sorted so that reordering code does not churn them. */
export function printSchemas(schemas: OrgraphSchemas): Record<keyof typeof SCHEMA_FILES, string> {
  return { api: printApi(schemas.api), subgraph: `${printSubgraphSchema(schemas.subgraph).trim()}\n` };
}

function printApi(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema)).trim()}\n`;
}
