import pino from 'pino';
import { loadConfig } from '../../src/config/load-config';
import { RedirectRefused, redirectedRequest } from '../../src/providers/http/same-origin-redirect';
import { startServer, type RunningServer } from '../../src/server/start-server';
import {
  answerJson,
  startLoopbackServer,
  type LoopbackServer,
  type ReceivedRequest,
} from '../support/loopback-http';

const CRUX_TOKEN = 'crux-token-redirect-6b1d0e';
const DD_API_KEY = 'dd-api-key-redirect-93c2aa';
const DD_APP_KEY = 'dd-app-key-redirect-17fe40';
const AUTH0_CLIENT_ID = 'orgraph-redirect-client';
const AUTH0_CLIENT_SECRET = 'auth0-secret-redirect-d4a8c1';
const AUTH0_BEARER = 'auth0-bearer-redirect-5e07b9';
const SECRETS = [CRUX_TOKEN, DD_API_KEY, DD_APP_KEY, AUTH0_CLIENT_SECRET, AUTH0_BEARER];

const CRUX_CONNECTIONS = '/crux/organizations/connections/';
const DD_CONNECTIONS = '/datadog/api/v2/org_connections';
const AUTH0_TOKEN = '/oauth/token';
const AUTH0_ORGANIZATIONS = '/api/v2/organizations';
/** Where a same-origin redirect sends a route: the same path under this prefix. */
const MOVED = '/moved';

const CRUX_QUERY = '{ connections(filter: { providers: [CRUX] }) { items { id } } }';
const DATADOG_QUERY = '{ connections(filter: { providers: [DATADOG] }) { items { id } } }';
const AUTH0_QUERY =
  '{ organizations(filter: { providers: [AUTH0], nameContains: "a" }) { items { name } } }';

type Redirect = { status: number; to: 'other-origin' | 'same-origin' };

/**
 * Redirects, through the real orgraph server: a loopback "provider" answers the routes below, or
 * redirects them (per test) to a second loopback server on another port that records whatever reaches
 * it. No credential may ever arrive there; a same-origin redirect is followed.
 */
describe('upstream redirects', () => {
  let elsewhere: LoopbackServer;
  let provider: LoopbackServer;
  let orgraph: RunningServer;
  const redirects = new Map<string, Redirect>();

  /** The provider's own answers, at a route's path or at its moved path. */
  function answer(request: ReceivedRequest, response: Parameters<typeof answerJson>[0]) {
    const path = request.path.split('?')[0].replace(MOVED, '');
    if (path === AUTH0_TOKEN && request.method === 'POST') {
      const grant = JSON.parse(request.body || '{}') as { client_secret?: string };
      if (grant.client_secret !== AUTH0_CLIENT_SECRET) return answerJson(response, 401, {});
      return answerJson(response, 200, { access_token: AUTH0_BEARER, expires_in: 3600 });
    }
    if (path === AUTH0_ORGANIZATIONS) {
      if (request.headers.authorization !== `Bearer ${AUTH0_BEARER}`) {
        return answerJson(response, 401, {});
      }
      return answerJson(response, 200, {
        organizations: [
          { id: 'org_acme', name: 'acme' },
          { id: 'org_globex', name: 'globex' },
        ],
      });
    }
    if (path === CRUX_CONNECTIONS) return answerJson(response, 200, []);
    if (path === DD_CONNECTIONS) return answerJson(response, 200, { data: [] });
    return answerJson(response, 404, {});
  }

  beforeAll(async () => {
    elsewhere = await startLoopbackServer((_request, response) => answerJson(response, 200, {}));
    provider = await startLoopbackServer((request, response) => {
      const redirect = redirects.get(request.path.split('?')[0]);
      if (!redirect) return answer(request, response);
      const base = redirect.to === 'other-origin' ? elsewhere.origin : provider.origin + MOVED;
      response.writeHead(redirect.status, { location: base + request.path });
      response.end('moved');
    });
    const config = loadConfig({
      CRUX_API_URL: `${provider.origin}/crux/`,
      CRUX_API_TOKEN: CRUX_TOKEN,
      AUTH0_API_URL: `${provider.origin}/api/v2/`,
      AUTH0_CLIENT_ID,
      AUTH0_CLIENT_SECRET,
      DATADOG_API_URL: `${provider.origin}/datadog/`,
      DD_API_KEY,
      DD_APP_KEY,
      ORGRAPH_GRAPHIQL: 'false',
      ORGRAPH_UPSTREAM_RETRIES: '1',
    });
    orgraph = await startServer({ ...config, port: 0 }, pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await orgraph?.stop();
    await provider?.stop();
    await elsewhere?.stop();
  });
  beforeEach(async () => {
    redirects.clear();
    provider.requests.length = 0;
    elsewhere.requests.length = 0;
    await orgraph.upstream.reset();
  });

  async function query(text: string) {
    const response = await fetch(orgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: text }),
    });
    const serialized = await response.text();
    for (const secret of SECRETS) expect(serialized).not.toContain(secret);
    expect(serialized).not.toContain(elsewhere.origin.split(':')[2]); // the other port, in any form
    return JSON.parse(serialized) as {
      data?: Record<string, { items: Array<Record<string, unknown>> } | null> | null;
      errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    };
  }

  function refusal(result: Awaited<ReturnType<typeof query>>) {
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0];
    expect(error.extensions?.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toMatch(/redirected to another host/);
    return error;
  }

  /** What the provider itself received: the credential did go there, in the header or body named. */
  const sentToProvider = (path: string) =>
    provider.requests.filter((r) => r.path.split('?')[0] === path);

  describe.each([302, 307])('%d to another origin', (status) => {
    it('Crux: the token stays home; CRUX UPSTREAM_BAD_RESPONSE', async () => {
      redirects.set(CRUX_CONNECTIONS, { status, to: 'other-origin' });
      const result = await query(CRUX_QUERY);
      expect(elsewhere.requests).toEqual([]); // not a header, not a byte of body
      const error = refusal(result);
      expect(error.extensions?.provider).toBe('CRUX');
      expect(error.message).toMatch(/^Crux Connect /);
      expect(sentToProvider(CRUX_CONNECTIONS)[0].headers.authorization).toBe(`Token ${CRUX_TOKEN}`);
      expect(sentToProvider(CRUX_CONNECTIONS)).toHaveLength(1); // refused, not retried
    });

    it('Datadog: neither key leaves; DATADOG UPSTREAM_BAD_RESPONSE', async () => {
      redirects.set(DD_CONNECTIONS, { status, to: 'other-origin' });
      const result = await query(DATADOG_QUERY);
      expect(elsewhere.requests).toEqual([]); // not a header, not a byte of body
      const error = refusal(result);
      expect(error.extensions?.provider).toBe('DATADOG');
      expect(sentToProvider(DD_CONNECTIONS)[0].headers['dd-api-key']).toBe(DD_API_KEY);
    });

    it('Auth0 POST /oauth/token: the client secret stays home; AUTH0 UPSTREAM_BAD_RESPONSE', async () => {
      redirects.set(AUTH0_TOKEN, { status, to: 'other-origin' });
      const result = await query(AUTH0_QUERY);
      expect(elsewhere.requests).toEqual([]); // not a header, not a byte of body
      const error = refusal(result);
      expect(error.extensions?.provider).toBe('AUTH0');
      expect(sentToProvider(AUTH0_TOKEN)[0].body).toContain(AUTH0_CLIENT_SECRET);
      expect(sentToProvider(AUTH0_ORGANIZATIONS)).toEqual([]); // no token, no listing
    });
  });

  // After the token tests above (the server keeps a token once it has one).
  it('follows a 307 of POST /oauth/token on the same origin with its method and body', async () => {
    redirects.set(AUTH0_TOKEN, { status: 307, to: 'same-origin' });
    const result = await query(AUTH0_QUERY);
    expect(result.errors).toBeUndefined();
    expect(result.data?.organizations?.items).toEqual([{ name: 'acme' }]);
    const moved = sentToProvider(MOVED + AUTH0_TOKEN);
    expect(moved.map((r) => r.method)).toEqual(['POST']);
    expect(moved[0].body).toContain(AUTH0_CLIENT_SECRET);
    expect(elsewhere.requests).toEqual([]);
  });

  it.each([302, 307])(
    'Auth0 listing %d to another origin: the bearer token stays home',
    async (status) => {
      redirects.set(AUTH0_ORGANIZATIONS, { status, to: 'other-origin' });
      const result = await query(AUTH0_QUERY);
      expect(elsewhere.requests).toEqual([]); // not a header, not a byte of body
      const error = refusal(result);
      expect(error.extensions?.provider).toBe('AUTH0');
      expect(sentToProvider(AUTH0_ORGANIZATIONS)[0].headers.authorization).toBe(
        `Bearer ${AUTH0_BEARER}`,
      );
    },
  );

  it.each([301, 302, 303, 307, 308])(
    'follows a %d on the same origin and returns the data',
    async (status) => {
      redirects.set(AUTH0_ORGANIZATIONS, { status, to: 'same-origin' });
      const result = await query(AUTH0_QUERY);
      expect(result.errors).toBeUndefined();
      expect(result.data?.organizations?.items).toEqual([{ name: 'acme' }]);
      const moved = sentToProvider(MOVED + AUTH0_ORGANIZATIONS);
      expect(moved).toHaveLength(1);
      expect(moved[0].headers.authorization).toBe(`Bearer ${AUTH0_BEARER}`);
      expect(elsewhere.requests).toEqual([]);
    },
  );

  it('gives up after 3 redirects on the same origin', async () => {
    // Every moved path is moved again: /moved/moved/... without end.
    redirects.set(CRUX_CONNECTIONS, { status: 302, to: 'same-origin' });
    for (let depth = 1; depth <= 5; depth += 1) {
      redirects.set(MOVED.repeat(depth) + CRUX_CONNECTIONS, { status: 302, to: 'same-origin' });
    }
    const result = await query(CRUX_QUERY);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      provider: 'CRUX',
    });
    expect(result.errors?.[0]?.message).toMatch(/redirected more than 3 times/);
    expect(provider.requests).toHaveLength(4); // the call and three redirects followed
  });
});

describe('redirectedRequest', () => {
  const redirect = (status: number, location: string) =>
    new Response(null, { status, headers: { location } });
  const post: RequestInit = {
    method: 'POST',
    body: '{"client_secret":"s"}',
    headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
  };
  const from = 'http://127.0.0.1:4000/oauth/token';

  it.each([
    ['another port', 'http://127.0.0.1:4001/oauth/token'],
    ['another host', 'http://localhost:4000/oauth/token'],
    ['another scheme', 'https://127.0.0.1:4000/oauth/token'],
    ['a protocol-relative URL', '//evil.example/oauth/token'],
  ])('refuses %s, naming neither URL', (_name, location) => {
    const refuse = () => redirectedRequest(redirect(307, location), from, post);
    expect(refuse).toThrow(RedirectRefused);
    expect(refuse).not.toThrow(/4001|localhost|evil|https|oauth/);
  });

  it('keeps method, body and headers for 307 and 308', () => {
    for (const status of [307, 308]) {
      expect(redirectedRequest(redirect(status, '/v2/oauth/token'), from, post)).toEqual({
        url: 'http://127.0.0.1:4000/v2/oauth/token',
        init: post,
      });
    }
  });

  it('turns a POST into a GET without body or content headers for 301, 302 and 303', () => {
    for (const status of [301, 302, 303]) {
      expect(redirectedRequest(redirect(status, '/elsewhere'), from, post)).toEqual({
        url: 'http://127.0.0.1:4000/elsewhere',
        init: { method: 'GET', body: undefined, headers: { authorization: 'Bearer t' } },
      });
    }
  });
});
