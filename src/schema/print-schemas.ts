import { graphqlSync, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { OrgraphSchemas } from './build-schema';

export const SCHEMA_FILES = {
  /** The API as clients see it (introspection, codegen): no federation plumbing. */
  api: 'schema/schema.graphql',
  /**
   * The subgraph SDL as a router sees it: the server's `_service { sdl }`, byte for byte (what
   * `rover subgraph introspect` prints), with `@link`, `@key` and the federation definitions.
   */
  subgraph: 'schema/subgraph.graphql',
} as const;

/**
 * Both files' contents. The API is sorted, so that reordering code does not churn it; the
 * subgraph SDL is the server's answer as is, so that the file is exactly what routers compose.
 */
export function printSchemas(schemas: OrgraphSchemas): Record<keyof typeof SCHEMA_FILES, string> {
  return { api: printApi(schemas.api), subgraph: `${serviceSdl(schemas.subgraph)}\n` };
}

/** What the subgraph answers to `{ _service { sdl } }`: a router composes exactly this. */
export function serviceSdl(subgraph: GraphQLSchema): string {
  const result = graphqlSync({ schema: subgraph, source: '{ _service { sdl } }' });
  const sdl = (result.data?._service as { sdl?: unknown } | undefined)?.sdl;
  if (result.errors || typeof sdl !== 'string') {
    throw new Error(`_service { sdl } failed: ${result.errors?.map((e) => e.message).join('; ')}`);
  }
  return sdl;
}

function printApi(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema)).trim()}\n`;
}
