import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { Context } from '../context/context.type';

/**
 * One log line per GraphQL request: operation, duration and error codes. Never the variables or headers,
 * which can hold IDs and credentials.
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, response, contextValue, errors }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = [
            ...(errors ?? []).map((e) => e.extensions?.code),
            ...(contextValue.partialErrors?.all() ?? []).map((e) => e.extensions.code),
          ];
          logger.info(
            {
              operation: operationName ?? null,
              // The authenticated caller's configured id (or JWT subject), never its credential.
              caller: contextValue.caller?.id,
              durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n),
              errors: codes.length > 0 ? codes : undefined,
              hasData: body?.data !== undefined && body.data !== null,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
