import {
  context,
  createContextKey,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_RESEND_COUNT,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@opentelemetry/semantic-conventions';
import { GraphQLError } from 'graphql';
import type { ReadSource } from '../cache/read-outcome';
import type { Provider } from '../model/provider';
import {
  ATTR_ATTEMPT,
  ATTR_CACHE_OUTCOME,
  ATTR_PROVIDER,
  ATTR_URL_TEMPLATE,
} from './span-attributes';
import { tracer, tracingActive } from './tracer';
import { injectTraceContext } from './w3c-trace-context';

/** One call a provider client makes, named without the ids in its path. */
export interface TracedCall {
  provider: Provider;
  method: string;
  /** The route's template as RouteTemplates names it (`GET /api/v2/organizations/:id`), or `other`. */
  route: string;
}

const TRACED_CALL = createContextKey('orgraph traced upstream call');

/**
 * Runs a provider call (a read, from the cache or not, or a POST) in a span of its own: its HTTP
 * attempts are its children, and the cache records where a read came from on it.
 */
export function traceUpstreamCall<T>(call: TracedCall, work: () => Promise<T>): Promise<T> {
  if (!tracingActive()) return work();
  const parent = context.active().setValue(TRACED_CALL, call);
  const options = { attributes: { [ATTR_PROVIDER]: call.provider, ...routeAttributes(call) } };
  return tracer.startActiveSpan(
    `upstream ${call.provider} ${call.route}`,
    options,
    parent,
    async (span) => {
      try {
        return await work();
      } catch (error) {
        failed(span, errorType(error));
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Where the read of the current provider call came from (fresh, stale, upstream...). */
export function recordCacheOutcome(source: ReadSource): void {
  trace.getActiveSpan()?.setAttribute(ATTR_CACHE_OUTCOME, source);
}

/**
 * One HTTP attempt of the current provider call, in a client span; `send` gets the `traceparent`
 * naming it (empty while tracing is off), so the provider's own spans can be its children.
 * `attempt`: 1 for the first, counting retries, redirects and a renewal after a 401.
 */
export async function traceAttempt(
  attempt: number,
  method: string,
  target: string,
  send: (traceHeaders: Record<string, string>) => Promise<Response>,
): Promise<Response> {
  // No span, so no traceparent of its own: the caller's trace context is forwarded instead.
  if (!tracingActive()) return send({});
  const active = context.active();
  const call = active.getValue(TRACED_CALL) as TracedCall | undefined;
  const template = call && templateOf(call);
  const url = new URL(target);
  const span = tracer.startSpan(
    template ? `${method} ${template}` : method,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        ...(call ? { [ATTR_PROVIDER]: call.provider, ...routeAttributes(call) } : {}),
        [ATTR_HTTP_REQUEST_METHOD]: method,
        [ATTR_SERVER_ADDRESS]: url.hostname,
        [ATTR_SERVER_PORT]: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
        [ATTR_ATTEMPT]: attempt,
        ...(attempt > 1 ? { [ATTR_HTTP_REQUEST_RESEND_COUNT]: attempt - 1 } : {}),
      },
    },
    active,
  );
  try {
    const response = await send(injectTraceContext(trace.setSpan(active, span)));
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
    if (response.status >= 400) failed(span, String(response.status));
    return response;
  } catch (error) {
    failed(span, errorType(error));
    throw error;
  } finally {
    span.end();
  }
}

function routeAttributes(call: TracedCall): Attributes {
  const template = templateOf(call);
  return {
    [ATTR_HTTP_REQUEST_METHOD]: call.method,
    ...(template ? { [ATTR_URL_TEMPLATE]: template } : {}),
  };
}

/** The path part of `GET /api/v2/organizations/:id`; undefined for a route that matched none. */
function templateOf(call: TracedCall): string | undefined {
  const prefix = `${call.method} `;
  return call.route.startsWith(prefix) ? call.route.slice(prefix.length) : undefined;
}

function failed(span: Span, type: string): void {
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.setAttribute(ATTR_ERROR_TYPE, type);
}

/** A GraphQL error's code (UPSTREAM_UNAVAILABLE...), else the error's name (TimeoutError...). */
function errorType(error: unknown): string {
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
    return error.extensions.code;
  }
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : 'Error';
}
