import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface SupergraphConfig {
  federation_version: string;
  subgraphs: Record<
    string,
    { routing_url: string; schema: { file?: string; subgraph_url?: string } }
  >;
}

/**
 * Reads rover's supergraph.yaml. It holds nested maps of scalars only, so a few lines of
 * indentation parsing do (comments and blank lines skipped); anything richer fails loudly.
 */
export function readSupergraphConfig(file: string): SupergraphConfig {
  const root: Record<string, unknown> = {};
  const stack: Array<{ indent: number; map: Record<string, unknown> }> = [
    { indent: -1, map: root },
  ];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.replace(/(^|\s)#.*$/, '').trimEnd();
      if (!line.trim()) return;
      const match = /^( *)([A-Za-z0-9_-]+):(?: +(.+))?$/.exec(line);
      if (!match) throw new Error(`${path.basename(file)}:${index + 1}: not a "key: value" line`);
      const [, spaces, key, value] = match;
      while (stack[stack.length - 1].indent >= spaces.length) stack.pop();
      const parent = stack[stack.length - 1].map;
      if (value === undefined) {
        const map: Record<string, unknown> = {};
        parent[key] = map;
        stack.push({ indent: spaces.length, map });
      } else {
        parent[key] = value.replace(/^(['"])(.*)\1$/, '$2');
      }
    });
  return root as unknown as SupergraphConfig;
}
