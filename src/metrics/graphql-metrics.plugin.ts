import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context/context.type';
import type { GraphQLOutcome, OrgraphMetrics } from './orgraph-metrics';

/**
 * Counts every GraphQL request by operation and outcome, with its latency, and the error codes in its
 * response. The outcome is the response's shape (GraphQL's own distinction): no error is `ok`; errors
 * beside data `partial`; errors with `data: null` (execution ran and failed) `error`; errors without
 * any `data` (a request error: unparsable, invalid, bad variables, a limit) `refused`. Installed after
 * the plugins that change the response (partial errors, response size), so it counts what the caller
 * gets. Requests refused before Apollo's pipeline (unauthenticated callers, malformed HTTP requests)
 * are counted as refused, without a latency.
 */
export function graphqlMetricsPlugin(metrics: OrgraphMetrics): ApolloServerPlugin<Context> {
  const refused = ({ error }: { error: Error }) => {
    metrics.graphqlRequest(undefined, 'refused');
    metrics.graphqlErrorCodes([(error as { extensions?: { code?: unknown } }).extensions?.code]);
    return Promise.resolve();
  };
  return {
    contextCreationDidFail: refused,
    invalidRequestWasReceived: refused,
    requestDidStart() {
      const started = process.hrtime.bigint();
      return Promise.resolve({
        willSendResponse({ operation, response }) {
          const body =
            response.body.kind === 'single'
              ? response.body.singleResult
              : response.body.initialResult;
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          // undefined: it never got to an operation (unparsable, invalid); null: one without a name.
          metrics.graphqlRequest(
            operation && (operation.name?.value ?? null),
            outcomeOf(body),
            seconds,
          );
          metrics.graphqlErrorCodes((body.errors ?? []).map((e) => e.extensions?.code));
          return Promise.resolve();
        },
      });
    },
  };
}

function outcomeOf(body: { data?: unknown; errors?: readonly unknown[] }): GraphQLOutcome {
  if (!body.errors?.length) return 'ok';
  if (body.data === undefined) return 'refused';
  return body.data === null ? 'error' : 'partial';
}
