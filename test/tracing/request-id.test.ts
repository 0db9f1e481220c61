import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { MAX_REQUEST_ID_LENGTH } from '../../src/correlation/request-id';
import { runCorrelated } from '../../src/correlation/request-correlation';
import type { RecordedRequest } from '../../src/emulators/request-counter';
import { createLogger } from '../../src/server/logger';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * Request ids and the correlation headers sent upstream, with tracing off (the default): no tracer
 * provider is registered in this test file.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VERSION = (
  JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
    version: string;
  }
).version;
const ROUTER_TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
// Every provider, so every emulator is called: Crux, Auth0 (its token too) and Datadog.
const EVERYTHING = 'query Everything { organizations(limit: 500) { totalCount } }';

describe('request ids and correlation headers (tracing off)', () => {
  let stack: TestStack;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    stack = await startTestStack({ logger: createLogger('info', sink) });
  });
  afterAll(() => stack.stop());
  beforeEach(async () => {
    await stack.reset();
    lines.length = 0;
  });

  async function post(headers: Record<string, string> = {}, query = EVERYTHING) {
    const response = await fetch(stack.server.url, {
      method: 'POST',
      // no-cache: every request calls every provider, whatever the one before it read.
      headers: { 'content-type': 'application/json', 'cache-control': 'no-cache', ...headers },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return response.headers.get('x-request-id');
  }

  const received = (): RecordedRequest[] => [
    ...stack.emulators.crux.counter.requests(),
    ...stack.emulators.auth0.counter.requests(),
    ...stack.emulators.datadog.counter.requests(),
  ];
  const requestLine = () => lines.find((l) => l.msg === 'graphql request');

  it("echoes the caller's x-request-id, logs it on the request's line and sends it to every provider with orgraph's User-Agent", async () => {
    const id = 'checkout-7f3a:retry=2';
    expect(await post({ 'x-request-id': id })).toBe(id);
    expect(requestLine()).toMatchObject({ requestId: id, operation: 'Everything' });

    const calls = received();
    expect(new Set(calls.map((c) => c.route.split(' ')[1]))).toEqual(
      new Set([
        '/organizations/connections/',
        '/oauth/token',
        '/api/v2/organizations',
        '/api/v2/org_connections',
      ]),
    );
    for (const call of calls) {
      expect(call.correlation).toEqual({ requestId: id, userAgent: `orgraph/${VERSION}` });
    }
  });

  it('generates a request id when the caller sends none, a new one for each request', async () => {
    const first = await post();
    const firstLine = requestLine();
    lines.length = 0;
    const second = await post();
    expect(first).toMatch(UUID);
    expect(second).toMatch(UUID);
    expect(second).not.toBe(first);
    expect(firstLine?.requestId).toBe(first);
    expect(requestLine()?.requestId).toBe(second);
    expect(new Set(received().map((c) => c.correlation?.requestId))).toEqual(
      new Set([first, second]),
    );
  });

  it.each([
    ['too long', 'a'.repeat(MAX_REQUEST_ID_LENGTH + 1)],
    ['with spaces', 'one two'],
    ['with quotes', 'x"}{"admin":true'],
    ['with angle brackets', '<script>'],
    ['with a comma (two ids joined)', 'a,b'],
  ])('replaces an x-request-id %s with one of its own', async (_why, sent) => {
    const id = await post({ 'x-request-id': sent });
    expect(id).toMatch(UUID);
    expect(requestLine()?.requestId).toBe(id);
    expect(JSON.stringify(lines)).not.toContain(sent);
    for (const call of received()) expect(call.correlation?.requestId).toBe(id);
  });

  it(`keeps an x-request-id of ${MAX_REQUEST_ID_LENGTH} safe characters`, async () => {
    const sent = `${'A1._:=+/@-'.repeat(12)}${'z'.repeat(MAX_REQUEST_ID_LENGTH - 120)}`;
    expect(sent).toHaveLength(MAX_REQUEST_ID_LENGTH);
    expect(await post({ 'x-request-id': sent })).toBe(sent);
  });

  it("takes a router's trace id for the request id, and forwards its traceparent as it came", async () => {
    expect(await post({ traceparent: ROUTER_TRACEPARENT })).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
    const calls = received();
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.correlation?.traceparent).toBe(ROUTER_TRACEPARENT);
  });

  it("prefers the caller's x-request-id to the trace id", async () => {
    expect(await post({ 'x-request-id': 'req-1', traceparent: ROUTER_TRACEPARENT })).toBe('req-1');
  });

  it('ignores an invalid traceparent: a generated id, nothing forwarded', async () => {
    const id = await post({
      traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    });
    expect(id).toMatch(UUID);
    for (const call of received()) expect(call.correlation?.traceparent).toBeUndefined();
  });

  it('answers a request refused before GraphQL runs with its id too', async () => {
    const response = await fetch(stack.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad-body-1' },
      body: '{ not json',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe('bad-body-1');
  });

  it("puts the request id on lines logged through the server's logger during the request, once", () => {
    const written: Array<Record<string, unknown>> = [];
    const logger = createLogger('info', {
      write: (line: string) => void written.push(JSON.parse(line) as Record<string, unknown>),
    });
    const correlation = { requestId: 'req-42', incomingTrace: ROOT_CONTEXT };
    runCorrelated(correlation, () => {
      logger.info('from the server logger');
      logger.child({ requestId: 'req-42' }).info('from the request logger');
    });
    logger.info('outside any request');
    expect(written.map((l) => [l.msg, l.requestId])).toEqual([
      ['from the server logger', 'req-42'],
      ['from the request logger', 'req-42'],
      ['outside any request', undefined],
    ]);
    // Bound by the child and not added again by the mixin: one key, not two.
    const raw: string[] = [];
    const rawLogger = createLogger('info', { write: (line: string) => void raw.push(line) });
    runCorrelated(correlation, () => rawLogger.child({ requestId: 'req-42' }).info('once'));
    expect(raw[0].match(/"requestId"/g)).toHaveLength(1);
  });
});
