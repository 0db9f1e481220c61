import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context/context.type';

/**
 * Tells the caller what its request cost upstream and how old its data is, in `extensions.upstream`:
 * calls made, cache hits and misses, the age of the oldest data, and whether any of it is stale.
 */
export const upstreamReportPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !contextValue.upstream) return Promise.resolve();
        const result = response.body.singleResult;
        result.extensions = {
          ...result.extensions,
          upstream: contextValue.upstream.stats.report(),
        };
        return Promise.resolve();
      },
    });
  },
};
