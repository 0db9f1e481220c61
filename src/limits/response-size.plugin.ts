import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { RESPONSE_METER } from './metered-schema';
import { ResponseMeter } from './response-meter';

/**
 * The last line of defence behind the cost estimate: each request gets a ResponseMeter that the
 * metered schema (metered-schema.ts) fills as fields resolve. Past `maxBytes` resolving stops, and the
 * answer is one RESPONSE_TOO_LARGE error instead of the data: never an out-of-memory process.
 */
export function responseSizePlugin(maxBytes: number): ApolloServerPlugin {
  return {
    requestDidStart({ contextValue }) {
      const meter = new ResponseMeter(maxBytes);
      (contextValue as Record<symbol, unknown>)[RESPONSE_METER] = meter;
      return Promise.resolve({
        willSendResponse({ response }) {
          if (!meter.exceeded || response.body.kind !== 'single') return Promise.resolve();
          const error = meter.error();
          const formatted: GraphQLFormattedError = {
            message: error.message,
            extensions: { ...error.extensions },
          };
          const { extensions } = response.body.singleResult;
          response.body.singleResult = { data: null, errors: [formatted], extensions };
          return Promise.resolve();
        },
      });
    },
  };
}
