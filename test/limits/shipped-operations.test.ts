import fs from 'node:fs';
import path from 'node:path';
import {
  getIntrospectionQuery,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
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
      const cost = queryCost(schema, document, variables, operation.name?.value);
      expect(cost).toBeGreaterThan(0);
      expect(cost).toBeLessThanOrEqual(limits.maxCost);
    }
  });
});
