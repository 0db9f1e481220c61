import { readFileSync } from 'node:fs';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  startStandaloneServer,
  type StandaloneServerContextFunctionArgument,
} from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';

export interface RunningToySubgraph {
  url: string;
  stop(): Promise<void>;
}

/** A toy subgraph from its SDL file and resolvers, served over real HTTP on a free loopback port. */
export async function serveToySubgraph<TContext extends BaseContext>(options: {
  sdlFile: string;
  resolvers: GraphQLResolverMap<TContext>;
  context: (argument: StandaloneServerContextFunctionArgument) => Promise<TContext>;
  plugins?: ApolloServerPlugin<TContext>[];
}): Promise<RunningToySubgraph> {
  const server = new ApolloServer<TContext>({
    schema: buildSubgraphSchema({
      typeDefs: parse(readFileSync(options.sdlFile, 'utf8')),
      // buildSubgraphSchema types every resolver's context as unknown; the server passes TContext.
      resolvers: options.resolvers as GraphQLResolverMap<unknown>,
    }),
    // Traces serve Apollo usage reporting, unused here (and enabling them logs to the console).
    plugins: [ApolloServerPluginInlineTraceDisabled(), ...(options.plugins ?? [])],
    // As a subgraph runs in production: what routers pass on is then the subgraph's whole error.
    includeStacktraceInErrorResponses: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: options.context,
  });
  return { url, stop: () => server.stop() };
}
