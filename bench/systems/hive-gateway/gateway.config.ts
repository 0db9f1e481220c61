/**
 * Hive Gateway's configuration for the benchmark: production-like defaults, minus what costs on every
 * request without being asked for (request ids, GraphiQL, the landing page, info logging). Response
 * caching, telemetry, usage reporting and upstream retries stay off, as they are by default.
 *
 * A plain object rather than `defineConfig` from '@graphql-hive/gateway': importing the gateway's types
 * brings graphql-yoga's `GraphQLErrorExtensions.http` into the repository's one tsc program, where it
 * clashes with @apollo/server's.
 */
interface BenchGatewayConfig {
  graphiql: boolean;
  landingPage: boolean;
  requestId: boolean;
  logging: 'debug' | 'info' | 'warn' | 'error';
}

export const gatewayConfig: BenchGatewayConfig = {
  graphiql: false,
  landingPage: false,
  requestId: false,
  logging: 'warn',
};
