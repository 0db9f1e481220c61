export interface CruxConfig {
  baseUrl: string;
  token: string;
}

export interface Auth0ClientCredentials {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  audience: string;
}

export interface Auth0Config {
  /** The Management API base, ending in `/api/v2/`. */
  baseUrl: string;
  /** A Management API token; or client credentials to fetch and renew one. */
  token?: string;
  clientCredentials?: Auth0ClientCredentials;
}

export interface DatadogConfig {
  baseUrl: string;
  apiKey: string;
  appKey: string;
}

export interface UpstreamConfig {
  timeoutMs: number;
  retries: number;
  maxRetryDelayMs: number;
  /** Calls in flight at once to one provider for one GraphQL request. */
  maxConcurrency?: number;
}

export interface Config {
  port: number;
  host: string;
  /** True when no provider was configured and the emulators stand in for all three. */
  demo: boolean;
  providers: {
    crux?: CruxConfig;
    auth0?: Auth0Config;
    datadog?: DatadogConfig;
  };
  upstream: UpstreamConfig;
  /** Serve GraphiQL at GET /graphql for browsers. */
  graphiql: boolean;
  introspection: boolean;
  logLevel: string;
}
