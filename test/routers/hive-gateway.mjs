// GraphQL Hive Gateway over a supergraph SDL file, as a child process of the tests
// (test/support/routers.ts). Plain ESM JavaScript: the gateway and its router runtime live in this
// folder's own node_modules, which the root's tsc and ESLint never see.
//
//   node test/routers/hive-gateway.mjs --supergraph FILE --planner js|rust [--forward-header NAME]...
//
// Listens on a free loopback port and prints `hive-gateway listening at http://127.0.0.1:PORT/graphql`
// once it serves. Ends on SIGTERM or SIGINT.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createGatewayRuntime } from '@graphql-hive/gateway';

const { values } = parseArgs({
  options: {
    supergraph: { type: 'string' },
    planner: { type: 'string' },
    'forward-header': { type: 'string', multiple: true, default: [] },
  },
});
if (!values.supergraph || !['js', 'rust'].includes(values.planner ?? '')) {
  console.error(
    'usage: hive-gateway.mjs --supergraph FILE --planner js|rust [--forward-header NAME]...',
  );
  process.exit(2);
}
const forwardedHeaders = values['forward-header'].map((name) => name.toLowerCase());

const gateway = createGatewayRuntime({
  // The file's text rather than its path: the gateway would otherwise watch the file for changes.
  supergraph: readFileSync(values.supergraph, 'utf8'),
  // The Rust planner (Hive Router's, through native addons) replaces the default JavaScript one;
  // imported only when asked for, so the JavaScript runs never load it.
  ...(values.planner === 'rust'
    ? { unifiedGraphHandler: (await import('@graphql-hive/router-runtime')).unifiedGraphHandler }
    : {}),
  // What a router in front of orgraph passes on: the caller's provider credentials.
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const headers = {};
      for (const name of forwardedHeaders) {
        const value = request.headers.get(name);
        if (value !== null) headers[name] = value;
      }
      return headers;
    },
  },
  logging: 'error',
  graphiql: false,
  landingPage: false,
});

const server = createServer(gateway);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  console.log(`hive-gateway listening at http://127.0.0.1:${port}/graphql`);
});

const stop = () => {
  server.close();
  void gateway.dispose().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
