import type { IncomingHttpHeaders } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import {
  ApolloGateway,
  IntrospectAndCompose,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { CALLER_CREDENTIAL_HEADERS } from '../../src/providers/caller-credentials';
import type { GraphQLResponse } from './test-stack';

/** What the gateway passes on from the caller's request: orgraph's caller credentials. */
export const FORWARDED_HEADERS: readonly string[] = Object.values(CALLER_CREDENTIAL_HEADERS);

export interface SubgraphFetch {
  subgraph: string;
  query: string;
  /** How many entity representations the fetch carried (0 for a root-field fetch). */
  representations: number;
}

interface GatewayContext {
  headers: IncomingHttpHeaders;
}

export interface RunningGateway {
  url: string;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Fetches the gateway made to subgraphs for callers' operations since the last reset. */
  fetches(): SubgraphFetch[];
  /** Fetches per subgraph since the last reset. */
  fetchCounts(): Record<string, number>;
  reset(): void;
  stop(): Promise<void>;
}

/**
 * `@apollo/gateway` in-process, over real HTTP on loopback, composing the subgraphs from their
 * live `_service { sdl }` as a router in development would. Its data source forwards
 * FORWARDED_HEADERS and records every subgraph fetch, so tests can assert the query plan's cost.
 */
export async function startGateway(
  subgraphs: Array<{ name: string; url: string }>,
): Promise<RunningGateway> {
  const recorded: SubgraphFetch[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({ subgraphs }),
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url,
        willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
          // Schema loading and health checks are the gateway's own: no caller, nothing to count.
          if (!('incomingRequestContext' in options)) return;
          const { request, context } = options;
          for (const header of FORWARDED_HEADERS) {
            const value = context.headers[header];
            if (typeof value === 'string') request.http?.headers.set(header, value);
          }
          const representations: unknown = request.variables?.representations;
          recorded.push({
            subgraph: name,
            query: request.query ?? '',
            representations: Array.isArray(representations) ? representations.length : 0,
          });
        },
      }),
  });
  const server = new ApolloServer<GatewayContext>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: ({ req }) => Promise.resolve({ headers: req.headers }),
  });
  return {
    url,
    query: (query, variables, headers) => postGraphQL(url, query, variables, headers),
    fetches: () => [...recorded],
    fetchCounts() {
      const counts: Record<string, number> = {};
      for (const { subgraph } of recorded) counts[subgraph] = (counts[subgraph] ?? 0) + 1;
      return counts;
    },
    reset() {
      recorded.length = 0;
    },
    stop: () => server.stop(),
  };
}

/** A raw GraphQL POST, keeping errors and partial data for assertions. */
export async function postGraphQL<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  return { ...body, status: response.status };
}
