import { trace } from '@opentelemetry/api';
import { ORGRAPH_VERSION } from '../correlation/orgraph-version';

/**
 * orgraph's tracer. A no-op until a tracer provider is registered (start-tracing.ts, or a test's);
 * the API hands out a proxy, so a provider registered after this module loaded is still used.
 */
export const tracer = trace.getTracer('orgraph', ORGRAPH_VERSION);
