import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context/context.type';

/**
 * Apollo's inline-trace plugin answers any request carrying `apollo-federation-include-trace: ftv1`
 * with a trace of every resolver's path and timing. This plugin, installed before it, turns the trace
 * off unless `allowed` says this request may have one (configuration, and the caller).
 */
export function federationTracesPlugin(
  allowed: (context: Context) => boolean,
): ApolloServerPlugin<Context> {
  return {
    // Not async: the decision must be made before the inline-trace plugin's requestDidStart reads it.
    requestDidStart(requestContext) {
      if (!allowed(requestContext.contextValue)) requestContext.metrics.captureTraces = false;
      return Promise.resolve();
    },
  };
}
