import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context/context.type';

/**
 * Adds the errors of providers that failed during a list (see PartialErrors) to the response, beside the
 * data the other providers returned.
 */
export const partialErrorsPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response, contextValue }) {
        const partial = contextValue.partialErrors?.all() ?? [];
        if (partial.length === 0 || response.body.kind !== 'single') return Promise.resolve();
        const result = response.body.singleResult;
        result.errors = [...(result.errors ?? []), ...partial.map((e) => e.toJSON())];
        return Promise.resolve();
      },
    });
  },
};
