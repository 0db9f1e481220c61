import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { SpanContext } from '@opentelemetry/api';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Room for UUIDs, ULIDs and load balancers' trace ids; little enough to log on every line. */
export const MAX_REQUEST_ID_LENGTH = 128;

/** Letters, digits and a few separators: nothing that could split a header or forge a log line. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:=+/@-]+$/;

export function isValidRequestId(value: string): boolean {
  return value.length <= MAX_REQUEST_ID_LENGTH && SAFE_REQUEST_ID.test(value);
}

/**
 * The id every log line of a request carries, and every provider call it makes: the caller's
 * `x-request-id` when it is a valid one, else the trace id of the `traceparent` a router sent, else a
 * new one. An invalid id is replaced, not refused: a correlation header never fails a request.
 */
export function requestIdOf(
  headers: IncomingHttpHeaders,
  remoteParent: SpanContext | undefined,
): string {
  const sent = headers[REQUEST_ID_HEADER];
  if (typeof sent === 'string' && isValidRequestId(sent)) return sent;
  return remoteParent?.traceId ?? randomUUID();
}
