import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/**
 * Errors orgraph raises on purpose carry a code and a message meant for callers. Anything else is a bug:
 * the caller gets a generic message (never a stack trace or an internal detail) and the log gets the rest.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (
      original instanceof GraphQLError ||
      formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR'
    ) {
      return formatted;
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
