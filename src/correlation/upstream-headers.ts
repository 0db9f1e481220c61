import { injectTraceContext } from '../tracing/w3c-trace-context';
import { ORGRAPH_USER_AGENT } from './orgraph-version';
import { REQUEST_ID_HEADER } from './request-id';
import { currentCorrelation } from './request-correlation';

/**
 * A provider call's headers plus what correlates it with the request that made it: orgraph's
 * User-Agent, the request's `x-request-id`, and `traceparent`. `traced`: the trace context of the
 * call's own span; without one (tracing off), the caller's trace context is forwarded as it came.
 */
export function upstreamHeaders(
  headers: HeadersInit | undefined,
  traced: Record<string, string>,
): Headers {
  const result = new Headers(headers);
  result.set('user-agent', ORGRAPH_USER_AGENT);
  const correlation = currentCorrelation();
  if (correlation) result.set(REQUEST_ID_HEADER, correlation.requestId);
  const trace =
    'traceparent' in traced || !correlation
      ? traced
      : injectTraceContext(correlation.incomingTrace);
  for (const [name, value] of Object.entries(trace)) result.set(name, value);
  return result;
}
