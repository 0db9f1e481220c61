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
    async requestDidStart() {
      return {
        async validationDidStart({ document }) {
          const nesting = documentNesting(document);
          if (nesting > maxNesting) {
            throw limitError(
              `The document nests selections and fragments ${nesting} levels deep; at most ${maxNesting} are allowed`,
              'GRAPHQL_VALIDATION_FAILED',
              'nesting',
              { nesting, maxNesting },
            );
          }
        },
      };
    },
    // Apollo turns an error thrown before validation into a 500 unless a plugin rethrows it from this
    // hook: then the caller gets it as it is, with its HTTP 400.
    async unexpectedErrorProcessingRequest({ error }) {
      if (error instanceof GraphQLError && error.extensions.limit === 'nesting') throw error;
    },
  };
}
