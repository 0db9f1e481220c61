import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { documentNesting } from './document-nesting';
import { limitError } from './limit-error';

/**
 * Selection sets nested deeper than this, fragments inlined, are refused before validation: graphql-js
 * validates recursively, and a chain of a few thousand fragments would overflow its stack (an HTTP 500).
 * The depth limit proper (15 fields) is far below; this only keeps validation itself safe.
 */
export const MAX_DOCUMENT_NESTING = 200;

export function documentNestingPlugin(maxNesting = MAX_DOCUMENT_NESTING): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        validationDidStart({ document }) {
          const nesting = documentNesting(document);
          if (nesting > maxNesting) {
            return Promise.reject(
              limitError(
                `The document nests selections and fragments ${nesting} levels deep; at most ${maxNesting} are allowed`,
                'GRAPHQL_VALIDATION_FAILED',
                'nesting',
                { nesting, maxNesting },
              ),
            );
          }
          return Promise.resolve();
        },
      });
    },
    // Apollo turns an error thrown before validation into a 500 unless a plugin rethrows it from this
    // hook: then the caller gets it as it is, with its HTTP 400.
    unexpectedErrorProcessingRequest({ error }) {
      if (error instanceof GraphQLError && error.extensions.limit === 'nesting') {
        return Promise.reject(error);
      }
      return Promise.resolve();
    },
  };
}
