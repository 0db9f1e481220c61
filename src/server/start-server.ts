import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config/config.type';
import { createContextFactory } from '../context/create-context';
import { correlationMiddleware } from '../correlation/correlation.middleware';
import { currentCorrelation } from '../correlation/request-correlation';
import type { Context } from '../context/context.type';
import { Auth0TokenCache } from '../providers/auth0/auth0-token-cache';
import { buildOrgraphSchema } from '../schema/build-schema';
import { createSharedStore } from '../shared-store/create-shared-store';
import { UpstreamServices } from '../upstream/upstream-services';
import { documentNestingPlugin } from '../limits/document-nesting.plugin';
import { meterResponses } from '../limits/metered-schema';
import { queryCostPlugin } from '../limits/query-cost.plugin';
import { responseSizePlugin } from '../limits/response-size.plugin';
import { shapeRules } from '../limits/shape-rules';
import { operationSpanMiddleware } from '../tracing/operation-span.middleware';
import { operationSpanPlugin } from '../tracing/operation-span.plugin';
import { flushTracing } from '../tracing/flush-tracing';
import { TrustedDocuments } from '../limits/trusted-documents';
import { trustedDocumentsPlugin } from '../limits/trusted-documents.plugin';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics.plugin';
import { metricsEndpoint } from '../metrics/metrics-endpoint';
import { federationTracesPlugin } from './federation-traces.plugin';
import { corsMiddleware } from './cors';
import { createFormatError } from './format-error';
import { httpErrorHandler } from './http-error-handler';
import { mountGraphiQL } from './mount-graphiql';
import { noStorePlugin } from './no-store.plugin';
import { partialErrorsPlugin } from './partial-errors.plugin';
import { Readiness } from './readiness';
import { requestLogPlugin } from './request-log.plugin';
import { upstreamReportPlugin } from './upstream-report.plugin';

export const GRAPHQL_PATH = '/graphql';

export interface RunningServer {
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  port: number;
  schema: GraphQLSchema;
  /** The cache, rate budget and breakers shared by this server's requests. */
  upstream: UpstreamServices;
  stop(): Promise<void>;
}

/**
 * Starts orgraph's HTTP server: GraphQL (and GraphiQL for browsers) at /graphql, liveness at /healthz,
 * readiness at /readyz.
 */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const schema = meterResponses(await buildOrgraphSchema());
  const app = express();
  const httpServer = http.createServer(app);
  const upstream = new UpstreamServices(config, createSharedStore(config, logger), logger);
  const apollo = new ApolloServer<Context>({
    schema,
    logger,
    // Apollo's own caches (automatic persisted queries) live in the shared store: replicas share them.
    cache: upstream.store,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // src/main.ts owns SIGTERM/SIGINT: Apollo's own handlers would re-raise the signal after stopping
    // (exit 143) and cut the emulators' shutdown short.
    stopOnTerminationSignals: false,
    hideSchemaDetailsFromClientErrors: config.limits.hideSchemaDetails,
    // Counted while parsing: a document past it is refused with GRAPHQL_PARSE_FAILED (HTTP 400).
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: shapeRules(config.limits),
    // One operation per HTTP request: a batch would multiply every limit below.
    allowBatchedHttpRequests: false,
    formatError: createFormatError(logger),
    plugins: [
      documentNestingPlugin(),
      ...(config.limits.trustedDocuments
        ? [trustedDocumentsPlugin(TrustedDocuments.load(config.limits.trustedDocuments))]
        : []),
      queryCostPlugin(config.limits.maxCost),
      partialErrorsPlugin,
      upstreamReportPlugin,
      requestLogPlugin,
      // Last of the plugins that touch the response: past the limit it replaces the whole answer.
      responseSizePlugin(config.limits.maxResponseBytes),
      // After the plugins that change the response: it counts what the caller gets.
      graphqlMetricsPlugin(upstream.metrics),
      // Likewise: the request's span records what came of the operation for the caller.
      operationSpanPlugin,
      // With caller authentication on, only callers allowed traces get them.
      federationTracesPlugin(
        (context) => config.limits.federationTraces && (context.caller?.traces ?? true),
      ),
      // Federated tracing for routers that ask for it (ftv1), where configuration allows it; installed
      // explicitly so Apollo does not announce it at every start.
      ApolloServerPluginInlineTrace(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // GraphiQL is served by orgraph itself (no CDN); Apollo's landing page would load one.
      ApolloServerPluginLandingPageDisabled(),
      // No field sets a cache hint, so Apollo's cache-control plugin would only wrap every resolver
      // (a call and a lookup per field resolved) to compute `no-store`, which noStorePlugin sends.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin,
    ],
  });
  await apollo.start();
  if (!(await upstream.store.ready(2_000))) {
    logger.warn(`${upstream.store.kind} store not reachable yet: serving without it until it is`);
  }

  const context = createContextFactory(config, logger, {
    auth0Tokens: new Auth0TokenCache(),
    upstream,
  });
  app.disable('x-powered-by');
  if (config.cors) app.use(corsMiddleware(config.cors));
  const readiness = new Readiness(upstream.store);
  app.get('/readyz', readiness.handler());
  if (config.metrics.enabled) app.get('/metrics', metricsEndpoint(upstream.metrics));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (config.graphiql) mountGraphiQL(app, GRAPHQL_PATH);
  app.use(
    GRAPHQL_PATH,
    // Before the body is parsed: a refused body is answered with a request id, in a span too.
    correlationMiddleware(),
    operationSpanMiddleware(),
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: ({ req }) =>
        context({
          headers: req.headers,
          caller: req.socket.remoteAddress ?? 'unknown',
          requestId: currentCorrelation()?.requestId,
        }),
    }),
  );
  app.use(httpErrorHandler(logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${host}:${port}${GRAPHQL_PATH}`,
    port,
    schema,
    upstream,
    stop: async () => {
      readiness.drain();
      await apollo.stop();
      await upstream.close();
      await flushTracing();
    },
  };
}
