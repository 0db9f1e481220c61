import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { graphiqlRouter } from '../../src/graphiql/graphiql-router';
import { loadGraphiQLExamples } from '../../src/graphiql/graphiql-examples';
import { GRAPHIQL_EXAMPLES_DIR } from '../../src/graphiql/graphiql-paths';

/** A tiny stand-in for orgraph's schema, enough for the placeholder examples. */
const typeDefs = `#graphql
  "An organization in one provider."
  type Organization {
    id: ID!
    name: String!
    provider: String!
    connections: [Connection!]!
  }
  "A link from an organization to an organization in another provider."
  type Connection {
    kind: String!
    organization: Organization!
  }
  type Permission {
    name: String!
    organization: Organization
  }
  type User {
    email: String!
    permissions: [Permission!]!
  }
  type Query {
    organizations(provider: String): [Organization!]!
    users(first: Int): [User!]!
  }
`;

interface StubOrganization {
  id: string;
  name: string;
  provider: string;
}

const ORGANIZATIONS: StubOrganization[] = [
  { id: 'crux-1', name: 'Stub Crux Org', provider: 'crux' },
  { id: 'auth0-1', name: 'Stub Auth0 Org', provider: 'auth0' },
  { id: 'datadog-1', name: 'Stub Datadog Org', provider: 'datadog' },
];

const resolvers = {
  Query: {
    organizations: (_: unknown, args: { provider?: string }) =>
      ORGANIZATIONS.filter((o) => !args.provider || o.provider === args.provider),
    users: (_: unknown, args: { first?: number }) =>
      [
        {
          email: 'ada@stub.example',
          permissions: [{ name: 'admin', organization: ORGANIZATIONS[0] }],
        },
      ].slice(0, args.first ?? 10),
  },
  Organization: {
    connections: (org: StubOrganization) =>
      ORGANIZATIONS.filter((o) => o.id !== org.id).map((organization) => ({
        kind: 'same-company',
        organization,
      })),
  },
};

export interface StubServerOptions {
  graphiql?: boolean;
  introspection?: boolean;
}

export interface StubServer {
  /** Origin, e.g. http://127.0.0.1:43123 */
  url: string;
  stop(): Promise<void>;
}

/** Express + Apollo Server 5 on a free port, GraphiQL mounted the way orgraph's server mounts it. */
export async function startGraphiQLStubServer(
  options: StubServerOptions = {},
): Promise<StubServer> {
  const graphqlPath = '/graphql';
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({
    typeDefs,
    resolvers,
    introspection: options.introspection ?? true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  if (options.graphiql ?? true) {
    app.use(
      graphiqlRouter({
        graphqlPath,
        examples: loadGraphiQLExamples(GRAPHIQL_EXAMPLES_DIR),
        title: 'orgraph (stub)',
      }),
    );
  }
  app.use(graphqlPath, express.json({ limit: '1mb' }), expressMiddleware(apollo));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => apollo.stop() };
}
