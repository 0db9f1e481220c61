import type { RequestHandler } from 'express';
import { extractTraceContext, remoteSpanContext } from '../tracing/w3c-trace-context';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id';
import { runCorrelated } from './request-correlation';

/**
 * Gives a request its id (see requestIdOf), answers it in `x-request-id`, and runs the rest of the
 * request with it: the log lines and provider calls it makes find it there. First of the GraphQL
 * path's handlers, so that even a body refused by the JSON parser is answered with an id.
 */
export function correlationMiddleware(): RequestHandler {
  return (req, res, next) => {
    const incomingTrace = extractTraceContext(req.headers);
    const requestId = requestIdOf(req.headers, remoteSpanContext(incomingTrace));
    res.setHeader(REQUEST_ID_HEADER, requestId);
    runCorrelated({ requestId, incomingTrace }, next);
  };
}
