import { isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { buildOrgraphSchemas } from '../../src/schema/build-schema';

describe('field resolvers in the built schema', () => {
  it('only fields with a @FieldResolver have a resolver: plain fields are read as they are', async () => {
    const { subgraph } = await buildOrgraphSchemas();
    const declared = new Set(
      getMetadataStorage().fieldResolvers.map((r) => `${r.getObjectType?.().name}.${r.schemaName}`),
    );
    const wrapped: string[] = [];
    for (const type of Object.values(subgraph.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('_')) continue;
      if (type.name === 'Query' || type.name === 'Mutation') continue;
      for (const field of Object.values(type.getFields())) {
        if (field.resolve && !declared.has(`${type.name}.${field.name}`)) {
          wrapped.push(`${type.name}.${field.name}`);
        }
      }
    }
    // A type without `simpleResolvers: true` gets a type-graphql wrapper on every plain field.
    expect(wrapped).toEqual([]);
    expect(declared.size).toBeGreaterThan(5);
  });
});
