import { readFileSync } from 'node:fs';
import { buildSchema, isObjectType, type GraphQLSchema } from 'graphql';
import { connectionFields } from './resolvers/connection-fields';
import type { ResolverMap } from './resolvers/field';
import { organizationFields } from './resolvers/organization-fields';
import { queryLists } from './resolvers/query-lists';
import { entitiesField, nodesField } from './resolvers/query-nodes';
import { providersField } from './resolvers/query-providers';
import { userFields } from './resolvers/user-fields';
import { subgraphSdlPath } from './schema-file';

const resolvers: ResolverMap = {
  Query: { ...queryLists, providers: providersField, nodes: nodesField, _entities: entitiesField },
  ...connectionFields,
  ...organizationFields,
  ...userFields,
};

/**
 * orgraph's own subgraph schema (so answers have its exact shape) with the reference resolvers; every
 * other field reads the property of its name, graphql-js's default.
 */
export function buildReferenceSchema(): GraphQLSchema {
  const schema = buildSchema(readFileSync(subgraphSdlPath(), 'utf8'));
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of the schema`);
    const defined = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fields)) {
      const target = defined[fieldName];
      if (!target) throw new Error(`${typeName}.${fieldName} is not in the schema`);
      target.resolve = resolve;
    }
  }
  return schema;
}
