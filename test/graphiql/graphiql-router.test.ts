import os from 'node:os';
import path from 'node:path';
import { GRAPHIQL_CSP } from '../../src/graphiql/graphiql-csp';
import { graphiqlRouter } from '../../src/graphiql/graphiql-router';
import { startGraphiQLStubServer } from '../support/graphiql-stub-server';
import type { StubServer } from '../support/graphiql-stub-server';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const INTROSPECTION = '{ __schema { queryType { name } } }';

function attributeValues(html: string, tag: string, attribute: string): string[] {
  const pattern = new RegExp(`<${tag}\\b[^>]*\\b${attribute}="([^"]*)"`, 'g');
  return [...html.matchAll(pattern)].map((m) => m[1] ?? '');
}

describe('graphiqlRouter', () => {
  let server: StubServer;
  let html: string;

  beforeAll(async () => {
    server = await startGraphiQLStubServer();
    html = await (
      await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } })
    ).text();
  });

  afterAll(async () => {
    await server.stop();
  });

  it('serves the GraphiQL page to a browser navigation, with a strict CSP', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(GRAPHIQL_CSP);
    expect(GRAPHIQL_CSP).toContain("script-src 'self';");
    expect(GRAPHIQL_CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const body = await res.text();
    expect(body).toContain('<div id="graphiql"');
    expect(body).toContain('id="graphiql-config"');
  });

  it.each([
    ['application/json', 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['*/* (curl)', '*/*'],
    ['no Accept header', undefined],
    ['JSON preferred over HTML', 'application/json, text/html;q=0.5'],
  ])('lets a GraphQL GET with %s through to the GraphQL server', async (_label, accept) => {
    const url = `${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    // Apollo's CSRF prevention wants a non-simple header on GET queries.
    const headers: Record<string, string> = { 'apollo-require-preflight': 'true' };
    if (accept) headers.accept = accept;
    const res = await fetch(url, { headers });
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('leaves POST to the GraphQL server', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: BROWSER_ACCEPT },
      body: JSON.stringify({ query: INTROSPECTION }),
    });
    expect(await res.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('loads every script and stylesheet from the same origin, served with the right type', async () => {
    const scripts = attributeValues(html, 'script', 'src');
    const styles = attributeValues(html, 'link', 'href').filter(
      (href) => !href.startsWith('data:'),
    );
    expect(scripts.length).toBeGreaterThan(0);
    expect(styles.length).toBeGreaterThan(0);
    // Nothing absolute or protocol-relative: every asset resolves against the server itself.
    for (const url of [...scripts, ...styles]) expect(url).toMatch(/^\/(?!\/)/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);

    const check = async (url: string, type: RegExp): Promise<void> => {
      const res = await fetch(`${server.url}${url}`);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(res.headers.get('content-type')).toMatch(type);
      expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
      expect(res.headers.get('content-security-policy')).toBe(GRAPHIQL_CSP);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    };
    for (const url of scripts) await check(url, /^text\/javascript/);
    for (const url of styles) await check(url, /^text\/css/);

    // Monaco's workers are ours too.
    const config = JSON.parse(/id="graphiql-config">([^<]*)</.exec(html)?.[1] ?? 'null') as {
      workers: Record<string, string>;
    };
    expect(Object.keys(config.workers).sort()).toEqual(['editorWorkerService', 'graphql', 'json']);
    for (const url of Object.values(config.workers)) {
      expect(url).toMatch(/^\/graphiql\/assets\//);
      await check(url, /^text\/javascript/);
    }
  });

  it('sends assets precompressed when the client accepts it', async () => {
    const script = attributeValues(html, 'script', 'src')[0] ?? '';
    const res = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(await res.text()).toMatch(/import|export/);
  });

  it('answers 404 for anything the build did not produce', async () => {
    for (const url of [
      '/graphiql/assets/nope.js',
      '/graphiql/assets/..%2Fmanifest.json',
      '/graphiql/assets/%2E%2E%2F%2E%2E%2Fpackage.json',
    ]) {
      const res = await fetch(`${server.url}${url}`);
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
    }
  });

  it('passes the examples to the page, one tab each', () => {
    const config = JSON.parse(/id="graphiql-config">([^<]*)</.exec(html)?.[1] ?? 'null') as {
      endpoint: string;
      examples: { name: string; query: string }[];
    };
    expect(config.endpoint).toBe('/graphql');
    expect(config.examples.map((e) => e.name)[0]).toBe(
      'Crux Connect: retailer-supplier connections',
    );
    expect(config.examples.length).toBeGreaterThanOrEqual(5);
  });

  it('fails at start, naming the build script, when the assets were never built', () => {
    const assetsDir = path.join(os.tmpdir(), 'orgraph-no-such-graphiql-build');
    expect(() => graphiqlRouter({ graphqlPath: '/graphql', examples: [], assetsDir })).toThrow(
      /build-graphiql/,
    );
  });
});

describe('GraphiQL turned off', () => {
  let server: StubServer;

  beforeAll(async () => {
    server = await startGraphiQLStubServer({ graphiql: false, introspection: false });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('serves no GraphiQL page, no assets and no introspection', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(await page.text()).not.toContain('graphiql');
    const asset = await fetch(`${server.url}/graphiql/assets/anything.js`);
    expect(asset.status).toBe(404);
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: INTROSPECTION }),
    });
    const body = (await res.json()) as { errors?: { message: string }[] };
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
  });
});
