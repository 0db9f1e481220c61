import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { loadConfig } from '../../src/config/load-config';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { configErrorOf } from '../support/config-error-of';
import { postGraphQL } from '../support/post-graphql';
import {
  answerJson,
  startLoopbackServer,
  streamBody,
  type LoopbackServer,
} from '../support/loopback-http';

const MB = 1024 * 1024;
const CRUX_CONNECTIONS = '/crux/organizations/connections/';
const DD_CONNECTIONS = '/datadog/api/v2/org_connections';
const AUTH0_ORGANIZATIONS = '/api/v2/organizations';
const ORGANIZATION_COUNT = 200_000;

const CRUX_QUERY = '{ connections(filter: { providers: [CRUX] }) { items { id } } }';
const DATADOG_QUERY = '{ connections(filter: { providers: [DATADOG] }) { items { id } } }';

/** How the fake provider answers Crux's connection listing, per test. */
type CruxBody =
  | { kind: 'declared'; bytes: number }
  | { kind: 'chunked'; bytes: number }
  | { kind: 'endless' }
  | { kind: 'gzip'; bytes: number };

/**
 * Body caps, through the real orgraph server against a loopback "provider" that streams as fast as
 * orgraph reads and counts what it wrote before orgraph hung up. Crux's cap is 1 MB here
 * (ORGRAPH_UPSTREAM_MAX_BODY_MB_CRUX), Auth0 keeps the 32 MB default (ORGRAPH_UPSTREAM_MAX_BODY_MB).
 */
describe('upstream body caps', () => {
  let provider: LoopbackServer;
  let orgraph: RunningServer;
  let cruxBody: CruxBody;
  /** Bytes of body each answer wrote, in order of the requests. */
  let written: Array<Promise<number>>;
  let organizationsPage: Buffer;

  beforeAll(async () => {
    const organizations = Array.from({ length: ORGANIZATION_COUNT }, (_, i) => ({
      id: `org_${i}`,
      name: `org-${i}`,
    }));
    organizationsPage = Buffer.from(JSON.stringify({ organizations }));
    provider = await startLoopbackServer((request, response) => {
      const path = request.path.split('?')[0];
      if (path === CRUX_CONNECTIONS) {
        const body = cruxBody;
        // Cacheable on purpose: RESTDataSource's HTTP cache would read a copy of it whole.
        const headers = { 'content-type': 'application/json', 'cache-control': 'max-age=600' };
        if (body.kind === 'gzip') {
          const zipped = gzipSync(Buffer.alloc(body.bytes, ' '));
          response.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
          written.push(streamBody(response, zipped.length, zipped));
          return;
        }
        response.writeHead(
          200,
          body.kind === 'declared' ? { ...headers, 'content-length': String(body.bytes) } : headers,
        );
        written.push(streamBody(response, body.kind === 'endless' ? Infinity : body.bytes));
        return;
      }
      if (path === DD_CONNECTIONS) {
        // A 30 MB error page, every time: retried (500), and never worth reading.
        response.writeHead(500, { 'content-type': 'text/html', 'retry-after': '0' });
        written.push(streamBody(response, 30 * MB));
        return;
      }
      if (path === AUTH0_ORGANIZATIONS) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(organizationsPage);
        return;
      }
      answerJson(response, 404, {});
    });
    const config = loadConfig({
      CRUX_API_URL: `${provider.origin}/crux/`,
      CRUX_API_TOKEN: 'crux-token-caps',
      AUTH0_API_URL: `${provider.origin}/api/v2/`,
      AUTH0_TOKEN: 'auth0-token-caps',
      DATADOG_API_URL: `${provider.origin}/datadog/`,
      DD_API_KEY: 'dd-api-key-caps',
      DD_APP_KEY: 'dd-app-key-caps',
      ORGRAPH_GRAPHIQL: 'false',
      ORGRAPH_UPSTREAM_RETRIES: '2',
      ORGRAPH_UPSTREAM_MAX_BODY_MB: '32',
      ORGRAPH_UPSTREAM_MAX_BODY_MB_CRUX: '1',
    });
    orgraph = await startServer({ ...config, port: 0 }, pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await orgraph?.stop();
    await provider?.stop();
  });
  beforeEach(async () => {
    written = [];
    provider.requests.length = 0;
    await orgraph.upstream.reset();
  });

  async function query(text: string) {
    const { body } = await postGraphQL<{
      data?: Record<string, { items: unknown[]; totalCount?: number } | null> | null;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    }>(orgraph.url, { query: text });
    return body;
  }

  async function expectCruxRefused() {
    const result = await query(CRUX_QUERY);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      provider: 'CRUX',
    });
    expect(result.errors![0].message).toMatch(/^Crux Connect sent a response larger than 1 MB/);
    expect(provider.requests).toHaveLength(1); // a bad answer is not retried
    return Promise.all(written);
  }

  it('refuses a declared 100 MB body without reading it', async () => {
    cruxBody = { kind: 'declared', bytes: 100 * MB };
    const [bytes] = await expectCruxRefused();
    // What loopback socket buffers took before orgraph hung up; the body itself was never read.
    expect(bytes).toBeLessThan(20 * MB);
  });

  it('cuts off a 100 MB chunked body (no Content-Length) just past the cap', async () => {
    cruxBody = { kind: 'chunked', bytes: 100 * MB };
    const [bytes] = await expectCruxRefused();
    expect(bytes).toBeGreaterThan(1 * MB);
    expect(bytes).toBeLessThan(20 * MB);
  });

  it('cuts off a body that never ends instead of hanging', async () => {
    cruxBody = { kind: 'endless' };
    const [bytes] = await expectCruxRefused();
    expect(bytes).toBeLessThan(20 * MB);
  });

  it('counts a compressed body at its real size: 16 MB gzipped to a few KB is refused', async () => {
    cruxBody = { kind: 'gzip', bytes: 16 * MB };
    await expectCruxRefused();
  });

  it('never reads a 30 MB error body whole, across three attempts', async () => {
    const result = await query(DATADOG_QUERY);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      provider: 'DATADOG',
      upstreamStatus: 500,
    });
    expect(provider.requests).toHaveLength(3);
    const bytes = await Promise.all(written);
    const total = bytes.reduce((sum, b) => sum + b, 0);
    // Read whole, three bodies would be 90 MB. Written here is what loopback socket buffers took
    // before orgraph hung up (about 4 MB a connection): less than one body's worth in all.
    for (const one of bytes) expect(one).toBeLessThan(15 * MB);
    expect(total).toBeLessThan(30 * MB);
  });

  it('lists 200,000 Auth0 organizations from one page (under the cap) without overflowing', async () => {
    expect(organizationsPage.length).toBeGreaterThan(1 * MB);
    expect(organizationsPage.length).toBeLessThan(32 * MB);
    const result = await query(
      '{ organizations(filter: { providers: [AUTH0], nameContains: "org-19999" }, limit: 500) { totalCount items { name } } }',
    );
    expect(result.errors).toBeUndefined();
    // org-19999 and org-199990 ... org-199999
    expect(result.data?.organizations?.totalCount).toBe(11);
    expect(provider.requests).toHaveLength(1);
  });
});

describe('ORGRAPH_UPSTREAM_MAX_BODY_MB', () => {
  it('is 32 MB by default, and read per provider over the default', () => {
    expect(loadConfig({}).upstream.maxBodyBytes).toEqual({
      CRUX: 32 * MB,
      AUTH0: 32 * MB,
      DATADOG: 32 * MB,
    });
    const config = loadConfig({
      ORGRAPH_UPSTREAM_MAX_BODY_MB: '8',
      ORGRAPH_UPSTREAM_MAX_BODY_MB_AUTH0: '64',
    });
    expect(config.upstream.maxBodyBytes).toEqual({ CRUX: 8 * MB, AUTH0: 64 * MB, DATADOG: 8 * MB });
  });

  it.each([
    ['ORGRAPH_UPSTREAM_MAX_BODY_MB', '0'],
    ['ORGRAPH_UPSTREAM_MAX_BODY_MB_DATADOG', '513'],
    ['ORGRAPH_UPSTREAM_MAX_BODY_MB_CRUX', '1.5'],
  ])('refuses %s=%s, naming the variable and its rule', (variable, value) => {
    const error = configErrorOf({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toBe(`${variable}: must be a whole number from 1 to 512`);
  });
});
