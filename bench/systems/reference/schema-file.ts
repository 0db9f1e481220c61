import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * orgraph's subgraph SDL, found upward from this file: the same code runs from its source (ts-node)
 * and from an esbuild bundle in bench/dist/.
 */
export function subgraphSdlPath(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'schema', 'subgraph.graphql');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir)
      throw new Error(`schema/subgraph.graphql not found above ${from}`);
  }
}
