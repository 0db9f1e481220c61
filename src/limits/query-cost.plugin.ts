import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '../errors/error-code';
import { limitError } from './limit-error';
import { queryCost, TooManyFieldsToEstimateError } from './query-cost';

/**
 * Refuses an operation whose estimated cost is over `maxCost`, once its variables are known and before
 * it runs (so before any upstream call). A `maxCost` of 0 turns it off.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  if (maxCost === 0) return {};
  return {
    requestDidStart() {
      return Promise.resolve({
        // Refuses with a rejection rather than a throw: Apollo calls every plugin's
        // didResolveOperation before it looks at what they threw, and a throw would skip the later ones.
        didResolveOperation({ schema, document, request }) {
          let cost: number | undefined;
          try {
            cost = queryCost(schema, document, request.variables, request.operationName);
          } catch (error) {
            if (!(error instanceof TooManyFieldsToEstimateError)) throw error; // queryCost throws no other
            return Promise.reject(
              limitError(
                'The operation selects too many fields to estimate its cost',
                ErrorCode.QUERY_TOO_COMPLEX,
                'cost',
                { maxCost },
              ),
            );
          }
          if (cost !== undefined && cost > maxCost) {
            return Promise.reject(
              limitError(
                `The operation's estimated cost is ${cost}; at most ${maxCost} is allowed. ` +
                  'Ask for smaller pages (limit) or fewer nested lists',
                ErrorCode.QUERY_TOO_COMPLEX,
                'cost',
                { cost, maxCost },
              ),
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}
