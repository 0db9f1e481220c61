import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'graphql';
import { loadGraphiQLExamples } from '../../src/graphiql/graphiql-examples';
import { GRAPHIQL_EXAMPLES_DIR } from '../../src/graphiql/graphiql-paths';

describe('loadGraphiQLExamples', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-examples-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads *.graphql files in file name order, named by their first-line comment', () => {
    fs.writeFileSync(path.join(dir, '02-second.graphql'), '# Second one\n{ b }\n');
    fs.writeFileSync(path.join(dir, '01-first.graphql'), '{ a }\n');
    fs.writeFileSync(path.join(dir, '01-first.variables.json'), '{ "x": 1 }\n');
    fs.writeFileSync(path.join(dir, 'notes.md'), 'not an example');
    expect(loadGraphiQLExamples(dir)).toEqual([
      { name: '01-first', query: '{ a }\n', variables: '{ "x": 1 }\n' },
      { name: 'Second one', query: '# Second one\n{ b }\n' },
    ]);
  });

  it('rejects a variables file that is not JSON', () => {
    fs.writeFileSync(path.join(dir, 'a.graphql'), '{ a }');
    fs.writeFileSync(path.join(dir, 'a.variables.json'), '{ nope');
    expect(() => loadGraphiQLExamples(dir)).toThrow();
  });

  it("ships orgraph's examples: one per provider, the cross-organization one, users", () => {
    const examples = loadGraphiQLExamples(GRAPHIQL_EXAMPLES_DIR);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) {
      expect(() => parse(example.query)).not.toThrow();
      expect(example.name).not.toMatch(/^\d/); // each has a `# <name>` first line
    }
  });
});
