import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { ErrorCode } from '../errors/error-code';
import { limitError } from './limit-error';
import { queryCost, TooManyFieldsToEstimateError } from './query-cost';

/**
 * Refuses an operation whose estimated cost is over `maxCost`, once its variables are known and before
 * it runs (so before any upstream call). A `maxCost` of 0 turns it off.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  if (maxCost === 0) return {};
  // Without variables, a document's cost per operation is the same every time, and Apollo hands the
  // same parsed document to every request that sends the same text: it is estimated once.
  const costs = new WeakMap<DocumentNode, Map<string | undefined, number | undefined>>();
  const estimate = (
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ): number | undefined => {
    if (variables && Object.keys(variables).length > 0) {
      return queryCost(schema, document, variables, operationName);
    }
    let byOperation = costs.get(document);
    if (!byOperation) {
      byOperation = new Map<string | undefined, number | undefined>();
      costs.set(document, byOperation);
    }
    if (!byOperation.has(operationName)) {
      byOperation.set(operationName, queryCost(schema, document, variables, operationName));
    }
    return byOperation.get(operationName);
  };
  return {
    requestDidStart() {
      return Promise.resolve({
        // Refuses with a rejection rather than a throw: Apollo calls every plugin's
        // didResolveOperation before it looks at what they threw, and a throw would skip the later ones.
        didResolveOperation({ schema, document, request }) {
          let cost: number | undefined;
          try {
            cost = estimate(schema, document, request.variables, request.operationName);
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
