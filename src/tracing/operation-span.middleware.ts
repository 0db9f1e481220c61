import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
} from '@opentelemetry/semantic-conventions';
import type { RequestHandler } from 'express';
import { currentCorrelation } from '../correlation/request-correlation';
import { ATTR_REQUEST_ID } from './span-attributes';
import { tracer } from './tracer';
import { extractTraceContext } from './w3c-trace-context';

export const OPERATION_SPAN = 'graphql.operation';

/**
 * Opens a request's span, a child of the caller's or router's `traceparent`, and runs the rest of the
 * request inside it: its provider calls are its children. The span covers the whole HTTP exchange
 * (a request refused before GraphQL runs has one too); operationSpanPlugin names it after the
 * operation. A no-op while tracing is off.
 */
export function operationSpanMiddleware(): RequestHandler {
  return (req, res, next) => {
    const correlation = currentCorrelation();
    const parent = correlation?.incomingTrace ?? extractTraceContext(req.headers);
    const span = tracer.startSpan(
      OPERATION_SPAN,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: req.method,
          ...(correlation ? { [ATTR_REQUEST_ID]: correlation.requestId } : {}),
        },
      },
      parent,
    );
    res.once('close', () => {
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
