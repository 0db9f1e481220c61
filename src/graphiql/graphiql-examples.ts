import fs from 'node:fs';
import path from 'node:path';
import type { GraphiQLExample } from './graphiql-router';

const NAME_COMMENT = /^#\s*(.+?)\s*$/;

/**
 * Reads the example operations GraphiQL opens with: every `*.graphql` file in `dir`, in file name
 * order. An example's name is its first line when that is a `# <name>` comment, else the file
 * name; an optional `<file>.variables.json` beside it fills the variables editor.
 */
export function loadGraphiQLExamples(dir: string): GraphiQLExample[] {
  const files = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  return files.map((file) => {
    const query = fs.readFileSync(path.join(dir, file), 'utf8');
    const firstLine = query.split(/\r?\n/, 1)[0] ?? '';
    const base = path.basename(file, '.graphql');
    const example: GraphiQLExample = {
      name: NAME_COMMENT.exec(firstLine)?.[1] ?? base,
      query,
    };
    const variablesFile = path.join(dir, `${base}.variables.json`);
    if (fs.existsSync(variablesFile)) {
      const variables = fs.readFileSync(variablesFile, 'utf8');
      JSON.parse(variables); // a typo should fail at start, not in a user's browser
      example.variables = variables;
    }
    return example;
  });
}
