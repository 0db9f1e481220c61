import type { Provider } from '../model/provider';
import type { CallersConfig } from './callers-config.type';

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
  /** The largest response body read from each provider; a larger one is refused, not read. */
  maxBodyBytes: Record<Provider, number>;
}

/** Cached provider reads, per provider: seconds fresh, then served while refreshing, then only on error. */
export interface CacheConfig {
  enabled: boolean;
  freshSeconds: Record<Provider, number>;
  staleWhileRevalidateSeconds: number;
  maxAgeSeconds: number;
  /** The in-memory store's bound (ignored with Redis). */
  maxBytes: number;
}

/** Where state shared across requests lives: in memory by default, in Redis for many replicas. */
export interface StoreConfig {
  redisUrl?: string;
  /** Redis keys start with `<prefix>:v1:`. */
  keyPrefix: string;
  /** Every Redis command's time limit. */
  commandTimeoutMs: number;
  /** The HMAC key of credential fingerprints; every replica sharing a store needs the same one. */
  secret?: string;
}

/** What protects the providers and the process from one request, and from all of them. */
export interface EconomyConfig {
  /** A GraphQL request's overall deadline. */
  requestDeadlineMs: number;
  /** Upstream calls one GraphQL request may make. */
  requestCallBudget: number;
  /** Calls in flight at once per provider and credential, across requests. */
  concurrency: number;
  breaker: { failures: number; cooldownMs: number };
}

/** What a GraphQL operation may ask for, checked before anything runs (and the response, while it runs). */
export interface LimitsConfig {
  /** Field nesting (fragments flattened, introspection not counted). */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens of the document, counted while parsing. */
  maxTokens: number;
  /** Estimated cost: every field 1, times the `limit` (or the number of `ids`) of the lists around it; 0: off. */
  maxCost: number;
  /** The response's estimated size, counted while it resolves. */
  maxResponseBytes: number;
  /** No field suggestions ("Did you mean ...") in errors. */
  hideSchemaDetails: boolean;
  /** Answer a router's `apollo-federation-include-trace: ftv1` with a trace. */
  federationTraces: boolean;
  /** Trusted-documents mode: run only these operations (`client`, or a .graphql file or folder). */
  trustedDocuments?: string;
}

/** Which browser origins may call orgraph (CORS). */
export interface CorsConfig {
  origins: '*' | string[];
}

/** Prometheus metrics at GET /metrics (see src/metrics/). */
export interface MetricsConfig {
  enabled: boolean;
}

export interface Config {
  port: number;
  host: string;
  /** True when no provider was configured and the emulators stand in for all three. */
  demo: boolean;
  /** Whether mutations may write to the providers (ORGRAPH_WRITES; see src/writes/). */
  writes: boolean;
  providers: {
    crux?: CruxConfig;
    auth0?: Auth0Config;
    datadog?: DatadogConfig;
  };
  upstream: UpstreamConfig;
  cache: CacheConfig;
  store: StoreConfig;
  economy: EconomyConfig;
  limits: LimitsConfig;
  /** Who may call orgraph, and what each caller may do (see src/callers/). */
  callers: CallersConfig;
  /** Off when undefined: browsers on other origins are not allowed. */
  cors?: CorsConfig;
  metrics: MetricsConfig;
  /** Serve GraphiQL at GET /graphql for browsers. */
  graphiql: boolean;
  introspection: boolean;
  logLevel: string;
}
