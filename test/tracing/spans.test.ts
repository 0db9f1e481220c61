import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-node';
import type { RecordedRequest } from '../../src/emulators/request-counter';
import { registerTracing } from '../../src/tracing/start-tracing';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * Tracing on, as OTEL_TRACES_EXPORTER turns it on, with the spans kept in memory: the server runs in
 * this process, so its spans are this exporter's. Provider calls are asserted against what the
 * emulators received.
 */
const exporter = new InMemorySpanExporter();
registerTracing([new SimpleSpanProcessor(exporter)]);

const ROUTER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const ROUTER_SPAN_ID = '00f067aa0ba902b7';
const ROUTER_TRACEPARENT = `00-${ROUTER_TRACE_ID}-${ROUTER_SPAN_ID}-01`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('tracing', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());
  beforeEach(async () => {
    await stack.reset();
    exporter.reset();
  });

  /** The request's span ends when its response has gone: wait for it rather than race it. */
  async function operationSpans(count: number): Promise<ReadableSpan[]> {
    for (let tries = 0; tries < 500; tries += 1) {
      const found = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER);
      if (found.length >= count) return found;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`fewer than ${count} operation spans ended`);
  }

  const spans = () => exporter.getFinishedSpans();
  const callSpans = () => spans().filter((s) => s.name.startsWith('upstream '));
  const attemptSpans = () => spans().filter((s) => s.kind === SpanKind.CLIENT);
  const childrenOf = (parent: ReadableSpan) =>
    spans().filter((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId);
  const recorded = (): RecordedRequest[] => [
    ...stack.emulators.crux.counter.requests(),
    ...stack.emulators.auth0.counter.requests(),
    ...stack.emulators.datadog.counter.requests(),
  ];

  it("continues a router's trace: operation span, a span per provider call, a span per attempt, each attempt's traceparent sent upstream", async () => {
    const result = await stack.query(
      `query AuthOrganizations { organizations(filter: { providers: [AUTH0] }, limit: 100) {
        items { name connections(limit: 20) { totalCount } } } }`,
      {},
      { traceparent: ROUTER_TRACEPARENT },
    );
    expect(result.errors).toBeUndefined();
    const [operation] = await operationSpans(1);

    expect(operation.name).toBe('graphql.operation AuthOrganizations');
    expect(operation.spanContext().traceId).toBe(ROUTER_TRACE_ID);
    expect(operation.parentSpanContext?.spanId).toBe(ROUTER_SPAN_ID);
    expect(operation.attributes).toMatchObject({
      'graphql.operation.name': 'AuthOrganizations',
      'graphql.operation.type': 'query',
      'orgraph.graphql.outcome': 'ok',
      // No x-request-id came: the router's trace id names the request.
      'orgraph.request_id': ROUTER_TRACE_ID,
      'http.response.status_code': 200,
    });
    expect(operation.resource.attributes['service.name']).toBe('orgraph');

    // One listing, then one call per organization (with an id in its path), all children of the
    // operation except the server's own Auth0 token, fetched during the first call that needed it.
    const calls = callSpans();
    const byRoute = (template: string) =>
      calls.filter((s) => s.attributes['url.template'] === template);
    const listing = byRoute('/api/v2/organizations');
    const perOrganization = byRoute('/api/v2/organizations/:id/connections');
    expect(listing).toHaveLength(1);
    expect(perOrganization).toHaveLength(12);
    for (const call of [...listing, ...perOrganization]) {
      expect(call.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
      expect(call.attributes).toMatchObject({
        'orgraph.provider': 'AUTH0',
        'http.request.method': 'GET',
        'orgraph.cache.outcome': 'upstream',
      });
    }
    expect(perOrganization[0].name).toBe(
      'upstream AUTH0 GET /api/v2/organizations/:id/connections',
    );
    const [token] = byRoute('/oauth/token');
    expect(token.attributes['http.request.method']).toBe('POST');
    expect(calls.map((c) => c.spanContext().spanId)).toContain(token.parentSpanContext?.spanId);

    // Every HTTP exchange is an attempt span under its call; the emulators saw exactly those spans
    // as the parents named in their traceparent.
    const attempts = attemptSpans();
    const received = recorded();
    expect(attempts).toHaveLength(received.length);
    for (const attempt of attempts) {
      const call = calls.find((c) => c.spanContext().spanId === attempt.parentSpanContext?.spanId);
      expect(call).toBeDefined();
      expect(attempt.attributes).toMatchObject({
        'orgraph.provider': 'AUTH0',
        'orgraph.upstream.attempt': 1,
        'http.response.status_code': 200,
        'url.template': call!.attributes['url.template'],
      });
    }
    const sentParents = received.map((r) => {
      const [version, traceId, parentId, flags] = r.correlation!.traceparent!.split('-');
      expect([version, traceId, flags]).toEqual(['00', ROUTER_TRACE_ID, '01']);
      return parentId;
    });
    expect(new Set(sentParents)).toEqual(new Set(attempts.map((a) => a.spanContext().spanId)));

    // Ids stay out of the spans: the organizations' ids the emulator was asked for are in none.
    const organizationIds = received.flatMap(
      (r) => /\/organizations\/([^/?]+)\/connections/.exec(r.url)?.[1] ?? [],
    );
    expect(organizationIds).toHaveLength(12);
    const everything = JSON.stringify(spans().map((s) => [s.name, s.attributes]));
    for (const id of organizationIds) expect(everything).not.toContain(decodeURIComponent(id));
  });

  it('a read from the cache is a call span that says so, with no attempt under it', async () => {
    const query = 'query Crux { organizations(filter: { providers: [CRUX] }) { totalCount } }';
    await stack.query(query);
    await operationSpans(1);
    expect(callSpans().map((s) => s.attributes['orgraph.cache.outcome'])).toEqual(['upstream']);
    expect(attemptSpans()).toHaveLength(1);

    exporter.reset();
    await stack.query(query);
    await operationSpans(1);
    const [cached] = callSpans();
    expect(cached.attributes).toMatchObject({
      'orgraph.provider': 'CRUX',
      'orgraph.cache.outcome': 'fresh',
      'url.template': '/organizations/connections/',
    });
    expect(childrenOf(cached)).toEqual([]);
    expect(stack.emulators.crux.counter.count()).toBe(1);
  });

  it('a retried call has one span per attempt, numbered, each with the status it got', async () => {
    stack.emulators.datadog.setKnobs({ faults: [{ status: 503, times: 1 }] });
    const result = await stack.query(
      'query Datadog { organizations(filter: { providers: [DATADOG] }) { totalCount } }',
    );
    expect(result.errors).toBeUndefined();
    await operationSpans(1);
    const [call] = callSpans();
    const attempts = childrenOf(call).sort(
      (a, b) =>
        (a.attributes['orgraph.upstream.attempt'] as number) -
        (b.attributes['orgraph.upstream.attempt'] as number),
    );
    expect(attempts.map((a) => a.attributes)).toEqual([
      expect.objectContaining({
        'orgraph.upstream.attempt': 1,
        'http.response.status_code': 503,
        'error.type': '503',
        'url.template': '/api/v2/org_connections',
      }),
      expect.objectContaining({
        'orgraph.upstream.attempt': 2,
        'http.request.resend_count': 1,
        'http.response.status_code': 200,
      }),
    ]);
    expect(attempts[0].status.code).toBe(SpanStatusCode.ERROR);
    expect(stack.emulators.datadog.counter.count()).toBe(2);
  });

  it('a failing provider makes the operation partial, with its error code on the call and the operation', async () => {
    stack.emulators.datadog.setKnobs({ faults: [{ status: 503 }] });
    const result = await stack.query(
      'query Everything { organizations(limit: 500) { totalCount } }',
    );
    expect(result.errors?.map((e) => e.extensions?.code)).toContain('UPSTREAM_UNAVAILABLE');
    const [operation] = await operationSpans(1);
    expect(operation.attributes).toMatchObject({
      'orgraph.graphql.outcome': 'partial',
      'orgraph.graphql.error_codes': ['UPSTREAM_UNAVAILABLE'],
    });
    const failed = callSpans().filter((s) => s.attributes['orgraph.provider'] === 'DATADOG');
    expect(failed).toHaveLength(1);
    expect(failed[0].status.code).toBe(SpanStatusCode.ERROR);
    expect(failed[0].attributes['error.type']).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('without a traceparent, each request starts its own trace, under its own request id', async () => {
    const query =
      'query Datadog { organizations(filter: { providers: [DATADOG] }) { totalCount } }';
    await stack.query(query, {}, { 'cache-control': 'no-cache' });
    await stack.query(query, {}, { 'cache-control': 'no-cache' });
    const operations = await operationSpans(2);
    const traceIds = operations.map((s) => s.spanContext().traceId);
    expect(new Set(traceIds).size).toBe(2);
    for (const operation of operations) {
      expect(operation.parentSpanContext).toBeUndefined();
      expect(operation.attributes['orgraph.request_id']).toMatch(UUID);
    }
    const sentTraceIds = recorded().map((r) => r.correlation!.traceparent!.split('-')[1]);
    expect(new Set(sentTraceIds)).toEqual(new Set(traceIds));
  });

  it('a request refused before GraphQL runs still has its span, with its status', async () => {
    const response = await fetch(stack.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: ROUTER_TRACEPARENT },
      body: '{ not json',
    });
    expect(response.status).toBe(400);
    const [operation] = await operationSpans(1);
    expect(operation.name).toBe('graphql.operation');
    expect(operation.spanContext().traceId).toBe(ROUTER_TRACE_ID);
    expect(operation.attributes['http.response.status_code']).toBe(400);
  });
});
