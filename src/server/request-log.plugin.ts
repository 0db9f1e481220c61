import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context/context.type';
import { responseErrorCodes, responseHasData } from './response-error-codes';

/**
 * One log line per GraphQL request, on the request's logger (so with its `requestId`): operation,
 * duration and error codes. Never the variables or headers, which can hold IDs and credentials.
 */
export const requestLogPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    const started = process.hrtime.bigint();
    return Promise.resolve({
      willSendResponse(requestContext) {
        const { operationName, contextValue } = requestContext;
        const codes = responseErrorCodes(requestContext);
        contextValue.logger.info(
          {
            operation: operationName ?? null,
            // The authenticated caller's configured id (or JWT subject), never its credential.
            caller: contextValue.caller?.id,
            durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n),
            errors: codes.length > 0 ? codes : undefined,
            hasData: responseHasData(requestContext),
          },
          'graphql request',
        );
        return Promise.resolve();
      },
    });
  },
};
