import fs from 'node:fs';
import path from 'node:path';
import {
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  specifiedRules,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { loadConfig } from '../../src/config/load-config';
import { loadGraphiQLExamples } from '../../src/graphiql/graphiql-examples';
import { queryCost } from '../../src/limits/query-cost';
import { shapeRules } from '../../src/limits/shape-rules';
import { buildOrgraphSchema } from '../../src/schema/build-schema';

const root = path.resolve(__dirname, '..', '..');
const limits = loadConfig({}).limits;

/** Every operation orgraph ships: GraphiQL's examples, the typed client's operations, GraphiQL's own introspection. */
function shippedOperations(): Array<{
  name: string;
  source: string;
  variables: Record<string, unknown>;
}> {
  const examples = loadGraphiQLExamples(path.join(root, 'src/graphiql/examples')).map((e) => ({
    name: `GraphiQL example ${e.name}`,
    source: e.query,
    variables: e.variables ? (JSON.parse(e.variables) as Record<string, unknown>) : {},
  }));
  const operationsDir = path.join(root, 'src/client/operations');
  // The client's operations share fragments across files, as the generated SDK does.
  const client = {
    name: 'the typed client operations',
    source: fs
      .readdirSync(operationsDir)
      .map((file) => fs.readFileSync(path.join(operationsDir, file), 'utf8'))
      .join('\n'),
    // The largest page an app may ask for, wherever an operation takes a limit.
    variables: { limit: 500, id: 'x', ids: Array.from({ length: 100 }, (_, i) => `id${i}`) },
  };
  return [
    ...examples,
    client,
    { name: 'GraphiQL introspection', source: getIntrospectionQuery(), variables: {} },
  ];
}

/** A value for each required variable the shipped variables leave out (a mutation's `input`). */
function requiredInputs(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.type.kind !== Kind.NON_NULL_TYPE) continue;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (type) values[definition.variable.name.value] = sample(type);
  }
  return values;
}

function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].name;
  if (isInputObjectType(named)) {
    return Object.fromEntries(
      Object.values(named.getFields()).map((field) => [field.name, sample(field.type)]),
    );
  }
  return { Int: 1, Float: 1, Boolean: true }[named.name] ?? 'x';
}

describe('the default limits let every shipped operation through', () => {
  let schema: Awaited<ReturnType<typeof buildOrgraphSchema>>;
  beforeAll(async () => {
    schema = await buildOrgraphSchema();
  });

  it.each(shippedOperations())('$name', ({ source, variables }) => {
    const document: DocumentNode = parse(source, { maxTokens: limits.maxTokens });
    expect(validate(schema, document, [...specifiedRules, ...shapeRules(limits)])).toEqual([]);
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      const inputs = { ...requiredInputs(schema, operation), ...variables };
      const cost = queryCost(schema, document, inputs, operation.name?.value);
      expect(cost).toBeGreaterThan(0);
      expect(cost).toBeLessThanOrEqual(limits.maxCost);
    }
  });
});
