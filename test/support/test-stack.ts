import { GraphQLClient } from 'graphql-request';
import pino, { type Logger } from 'pino';
import { getSdk, type Sdk } from '../../src/client/generated/sdk';
import type { Config } from '../../src/config/config.type';
import { loadConfig } from '../../src/config/load-config';
import {
  startEmulators,
  type EmulatorOptions,
  type RunningEmulators,
} from '../../src/emulators/start-emulators';
import { startServer, type RunningServer } from '../../src/server/start-server';

export interface TestStack {
  emulators: RunningEmulators;
  server: RunningServer;
  /** The typed SDK generated from src/client/operations, over HTTP to the server. */
  sdk: Sdk;
  /** A raw GraphQL POST, for asserting on errors and partial data. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** A cold start: emulator knobs and counters, and the server's cache, rate budgets and breakers. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: (string | number)[];
    extensions?: Record<string, unknown>;
  }>;
  extensions?: Record<string, unknown>;
}

/** The emulators on loopback and orgraph in front of them, on free ports, as in demo mode. */
export async function startTestStack(
  options: {
    emulators?: EmulatorOptions;
    /** Change the configuration the emulators produce (turn a provider off, shorten timeouts...). */
    configure?: (config: Config) => Config;
    /** Where the server logs (default: nowhere). */
    logger?: Logger;
  } = {},
): Promise<TestStack> {
  const emulators = await startEmulators(options.emulators);
  const base: Config = {
    ...loadConfig({}),
    port: 0,
    providers: emulators.providers,
    demo: true,
    // Small retry delays keep fault tests quick; behaviour is the same as in production.
    upstream: { ...loadConfig({}).upstream, timeoutMs: 3000, retries: 2, maxRetryDelayMs: 500 },
  };
  const config = options.configure ? options.configure(base) : base;
  const server = await startServer(config, options.logger ?? pino({ level: 'silent' }));
  const sdk = getSdk(new GraphQLClient(server.url));
  return {
    emulators,
    server,
    sdk,
    async query(query, variables, headers) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse<never>;
      return { ...body, status: response.status };
    },
    async reset() {
      emulators.reset();
      await server.upstream.reset();
    },
    async stop() {
      await server.stop();
      await emulators.stop();
    },
  };
}

/** Upstream calls per emulator since the last reset, for asserting exact counts. */
export function upstreamCalls(emulators: RunningEmulators) {
  return {
    crux: emulators.crux.counter.byRoute(),
    auth0: emulators.auth0.counter.byRoute(),
    datadog: emulators.datadog.counter.byRoute(),
    total:
      emulators.crux.counter.count() +
      emulators.auth0.counter.count() +
      emulators.datadog.counter.count(),
  };
}
