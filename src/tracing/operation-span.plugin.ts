import type { ApolloServerPlugin } from '@apollo/server';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { Context } from '../context/context.type';
import { responseErrorCodes, responseHasData } from '../server/response-error-codes';
import { OPERATION_SPAN } from './operation-span.middleware';
import {
  ATTR_CALLER,
  ATTR_ERROR_CODES,
  ATTR_GRAPHQL_OPERATION_NAME,
  ATTR_GRAPHQL_OPERATION_TYPE,
  ATTR_OUTCOME,
} from './span-attributes';

/** Callers choose operation names: a span name stays short whatever they send. */
const MAX_NAME_LENGTH = 100;

/**
 * Names the request's span (see operationSpanMiddleware) `graphql.operation <name>` and records what
 * came of the operation: its type, outcome (ok, partial, error) and error codes. Never its variables
 * or document, which can hold ids.
 */
export const operationSpanPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    const span = trace.getActiveSpan();
    if (!span?.isRecording()) return Promise.resolve();
    return Promise.resolve({
      didResolveOperation({ operationName, operation }) {
        const name = (operationName ?? 'anonymous').slice(0, MAX_NAME_LENGTH);
        span.updateName(`${OPERATION_SPAN} ${name}`);
        if (operation) span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, operation.operation);
        if (operationName) span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, name);
        return Promise.resolve();
      },
      willSendResponse(requestContext) {
        const codes = responseErrorCodes(requestContext);
        const outcome =
          codes.length === 0 ? 'ok' : responseHasData(requestContext) ? 'partial' : 'error';
        span.setAttribute(ATTR_OUTCOME, outcome);
        if (codes.length > 0) span.setAttribute(ATTR_ERROR_CODES, codes);
        const caller = requestContext.contextValue.caller?.id;
        if (caller) span.setAttribute(ATTR_CALLER, caller);
        if (outcome === 'error') span.setStatus({ code: SpanStatusCode.ERROR, message: codes[0] });
        return Promise.resolve();
      },
    });
  },
};
