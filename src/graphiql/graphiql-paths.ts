import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding orgraph's package.json. Found by walking up from this file so the same code
 * works from src/ (ts-node, jest) and from the compiled dist/src/.
 */
export function findPackageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
}

/** Where scripts/build-graphiql.js writes the bundled GraphiQL. */
export const GRAPHIQL_ASSETS_DIR = path.join(findPackageRoot(), 'dist-graphiql');

/** The example operations GraphiQL opens with (kept in src/: tsc does not copy .graphql files). */
export const GRAPHIQL_EXAMPLES_DIR = path.join(findPackageRoot(), 'src', 'graphiql', 'examples');
