import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SCHEMA_FILES } from '../src/schema/print-schemas';

/**
 * `npm run supergraph:compose`: writes deploy/supergraph.graphql, the supergraph compose.yaml's router
 * serves: orgraph (schema/subgraph.graphql) and the vendor-risk example subgraph, at the addresses the
 * router reaches them on compose's network. What `rover supergraph compose` would write; a test fails
 * when it is stale.
 */

export const SUPERGRAPH_FILE = 'deploy/supergraph.graphql';

export const COMPOSE_SUBGRAPHS = [
  { name: 'orgraph', url: 'http://orgraph:4000/graphql', sdlFile: SCHEMA_FILES.subgraph },
  {
    name: 'vendor-risk',
    url: 'http://vendor-risk:4001/graphql',
    sdlFile: 'test/federation/vendor-risk-subgraph/vendor-risk.graphql',
  },
];

const root = path.resolve(__dirname, '..');

export function composeSupergraph(): string {
  const result = composeServices(
    COMPOSE_SUBGRAPHS.map(({ name, url, sdlFile }) => ({
      name,
      url,
      typeDefs: parse(readFileSync(path.join(root, sdlFile), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}

if (require.main === module) {
  writeFileSync(path.join(root, SUPERGRAPH_FILE), composeSupergraph());
  console.log(`wrote ${SUPERGRAPH_FILE}`);
}
