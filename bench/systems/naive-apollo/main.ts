/**
 * The naive baseline: Apollo Server 5 whose resolvers call the REST APIs per field, with no loaders
 * and no per-request memo (what a first implementation does). Same schema and answers as the
 * hand-written server; only the upstream calls differ.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Access } from '../reference/access/access';
import { naiveStrategy } from '../reference/access/strategy';
import type { ReferenceContext } from '../reference/context';
import { buildReferenceSchema } from '../reference/reference-schema';
import { readUpstreamEnv } from '../reference/upstream-env';

async function main(): Promise<void> {
  const env = readUpstreamEnv(process.env);
  const server = new ApolloServer<ReferenceContext>({
    schema: buildReferenceSchema(),
    // The schema is a subgraph's, so Apollo would install federated tracing; no router asks for it here.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const port = Number(process.env.PORT ?? 4200);
  // The standalone server answers on every path, /graphql included.
  await startStandaloneServer(server, {
    listen: { port, host: '127.0.0.1' },
    context: () => Promise.resolve({ access: new Access(env, naiveStrategy()) }),
  });
  console.log(`listening http://127.0.0.1:${port}/graphql`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
