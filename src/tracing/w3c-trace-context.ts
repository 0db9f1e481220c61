import {
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  trace,
  type Context,
  type SpanContext,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * W3C Trace Context (`traceparent`, `tracestate`) only. Baggage is not propagated: whatever a caller
 * puts there would be forwarded to Auth0, Crux and Datadog.
 */
export const traceContextPropagator = new W3CTraceContextPropagator();

/** The caller's or router's trace context; ROOT_CONTEXT when it sent none or an invalid one. */
export function extractTraceContext(headers: IncomingHttpHeaders): Context {
  return traceContextPropagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
}

/** The span context a caller's valid `traceparent` names, or undefined. */
export function remoteSpanContext(context: Context): SpanContext | undefined {
  return trace.getSpanContext(context);
}

/** `traceparent` (and `tracestate`) naming the span in `context`; empty when it holds no valid one. */
export function injectTraceContext(context: Context): Record<string, string> {
  const headers: Record<string, string> = {};
  traceContextPropagator.inject(context, headers, defaultTextMapSetter);
  return headers;
}
