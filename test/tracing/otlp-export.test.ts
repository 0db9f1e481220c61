import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startOrgraphProcess } from '../support/orgraph-process';

/** What an OTLP/HTTP JSON export holds, as far as this test reads it. */
interface OtlpExport {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{
      spans: Array<{ name: string; traceId: string; parentSpanId?: string; kind: number }>;
    }>;
  }>;
}

/** A collector's OTLP/HTTP endpoint on loopback, keeping what it receives. */
async function startCollector() {
  const received: Array<{ path: string; contentType?: string; body: string }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        contentType: req.headers['content-type'],
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const ROUTER_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
type Collector = Awaited<ReturnType<typeof startCollector>>;

/**
 * orgraph as `npm start` runs it, in demo mode (emulators in the process), exporting to `collector`
 * with batches held until the shutdown flushes them: one operation, then SIGTERM.
 */
async function runOneOperation(collector: Collector, env: Record<string, string> = {}) {
  const orgraph = await startOrgraphProcess({
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    OTEL_SERVICE_NAME: 'orgraph-otlp-test',
    OTEL_BSP_SCHEDULE_DELAY: '600000',
    ...env,
  });
  try {
    const response = await fetch(orgraph.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${ROUTER_TRACE_ID}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({ query: 'query Everything { organizations { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    expect(collector.received).toEqual([]); // still in the batch
  } finally {
    await orgraph.stop();
    await collector.stop();
  }
  expect(collector.received.length).toBeGreaterThan(0);
  for (const { path } of collector.received) expect(path).toBe('/v1/traces');
}

describe('npm start with OTEL_TRACES_EXPORTER=otlp', () => {
  it('exports its spans as JSON when asked, the last ones when it stops', async () => {
    const collector = await startCollector();
    await runOneOperation(collector, { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' });

    const exports = collector.received.map((r) => {
      expect(r.contentType).toBe('application/json');
      return JSON.parse(r.body) as OtlpExport;
    });
    const resourceSpans = exports.flatMap((e) => e.resourceSpans);
    const serviceNames = resourceSpans.map(
      (r) => r.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue,
    );
    expect(new Set(serviceNames)).toEqual(new Set(['orgraph-otlp-test']));
    const spans = resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    const operation = spans.find((s) => s.name === 'graphql.operation Everything');
    expect(operation).toMatchObject({ traceId: ROUTER_TRACE_ID, parentSpanId: '00f067aa0ba902b7' });
    // A call to each provider, under the same trace.
    const calls = spans.filter((s) => s.name.startsWith('upstream '));
    expect(new Set(calls.map((s) => s.name.split(' ')[1]))).toEqual(
      new Set(['CRUX', 'AUTH0', 'DATADOG']),
    );
    for (const call of calls) expect(call.traceId).toBe(ROUTER_TRACE_ID);
  });

  it('sends protobuf by default', async () => {
    const collector = await startCollector();
    await runOneOperation(collector);
    for (const { contentType } of collector.received) {
      expect(contentType).toBe('application/x-protobuf');
    }
    // Protobuf keeps strings as they are.
    const bodies = collector.received.map((r) => r.body).join('');
    expect(bodies).toContain('orgraph-otlp-test');
    expect(bodies).toContain('graphql.operation Everything');
  });
});
