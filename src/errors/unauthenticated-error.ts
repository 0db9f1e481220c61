import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-code';

/**
 * The caller could not be authenticated. Thrown while the context is created, so Apollo answers with
 * `status` and the `WWW-Authenticate` challenges before parsing the operation or calling a provider.
 */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string, challenges: readonly string[], status = 401) {
    super(message, {
      extensions: {
        code: ErrorCode.UNAUTHENTICATED,
        http: { status, headers: new HeaderMap([['www-authenticate', challenges.join(', ')]]) },
      },
    });
  }
}
