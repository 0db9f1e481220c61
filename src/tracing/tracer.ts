import { ProxyTracerProvider, trace } from '@opentelemetry/api';
import { ORGRAPH_VERSION } from '../correlation/orgraph-version';

/**
 * orgraph's tracer. A no-op until a tracer provider is registered (start-tracing.ts, or a test's);
 * the API hands out a proxy, so a provider registered after this module loaded is still used.
 */
export const tracer = trace.getTracer('orgraph', ORGRAPH_VERSION);

/**
 * Whether a tracer provider is registered. Without one (tracing off, the default) every span is a
 * no-op, and a provider call skips building its spans' names and attributes for nothing.
 */
export function tracingActive(): boolean {
  const provider = trace.getTracerProvider();
  return (
    !(provider instanceof ProxyTracerProvider) ||
    provider.getDelegateTracer('orgraph', ORGRAPH_VERSION) !== undefined
  );
}
