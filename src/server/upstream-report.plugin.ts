import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context/context.type';

/**
 * Tells the caller what its request cost upstream and how old its data is, in `extensions.upstream`:
 * calls made, cache hits and misses, the age of the oldest data, and whether any of it is stale.
 */
export const upstreamReportPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !contextValue.upstream) return;
        const result = response.body.singleResult;
        result.extensions = {
          ...result.extensions,
          upstream: contextValue.upstream.stats.report(),
        };
      },
    };
  },
};
