import { GraphQLError } from 'graphql';
import type { Auth0Config, UpstreamConfig } from '../../src/config/config.type';
import { loadConfig } from '../../src/config/load-config';
import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import { Auth0Client } from '../../src/providers/auth0/auth0-client';
import { Auth0TokenCache } from '../../src/providers/auth0/auth0-token-cache';

const TOKEN_ROUTE = 'POST /oauth/token';
const ORG = 'GET /api/v2/organizations/:id';
const CLIENT_ID = 'orgraph-test-client';
const CLIENT_SECRET = 'client-secret-3a9f7e1d';
const WRONG_SECRET = 'wrong-secret-77c0b2aa';
const TTL_SECONDS = 100;

const upstream: UpstreamConfig = {
  ...loadConfig({}).upstream,
  retries: 2,
  timeoutMs: 2000,
  maxRetryDelayMs: 500,
};

describe('Auth0TokenCache (client credentials against the emulator)', () => {
  // One clock for the emulator's token expiry and the cache's renewal: tests move it, nobody sleeps.
  let clock = Date.UTC(2025, 0, 1);
  const now = () => clock;
  const emulator = new Auth0Emulator({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    tokenTtlSeconds: TTL_SECONDS,
    now,
  });

  const configWith = (clientSecret = CLIENT_SECRET): Auth0Config => ({
    baseUrl: `${emulator.url}/api/v2/`,
    clientCredentials: {
      clientId: CLIENT_ID,
      clientSecret,
      tokenUrl: `${emulator.url}/oauth/token`,
      audience: `${emulator.url}/api/v2/`,
    },
  });
  const clientOver = (cache: Auth0TokenCache, config: Auth0Config) =>
    new Auth0Client({ baseURL: config.baseUrl, retry: upstream }, () =>
      cache.token(config, upstream),
    );
  const someOrg = () => emulator.data.organizations[0].id;

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());
  beforeEach(() => {
    clock = Date.UTC(2025, 0, 1);
  });

  it('fetches one token and reuses it for many Management API calls', async () => {
    const cache = new Auth0TokenCache(now);
    const config = configWith();
    for (let i = 0; i < 3; i += 1) await clientOver(cache, config).organization(someOrg());
    await clientOver(cache, config).organizations();
    expect(emulator.counter.byRoute()).toEqual({
      [TOKEN_ROUTE]: 1,
      [ORG]: 3,
      'GET /api/v2/organizations': 1,
    });
  });

  it('shares one token request among concurrent callers', async () => {
    const cache = new Auth0TokenCache(now);
    const config = configWith();
    const tokens = await Promise.all(
      Array.from({ length: 5 }, () => cache.token(config, upstream)),
    );
    expect(new Set(tokens).size).toBe(1);
    expect(emulator.counter.count(TOKEN_ROUTE)).toBe(1);
  });

  it('renews the token before it expires, not after a 401', async () => {
    const cache = new Auth0TokenCache(now);
    const config = configWith();
    const first = await cache.token(config, upstream);

    // At 89 % of the lifetime the token is still served from the cache.
    clock += 89_000;
    expect(await cache.token(config, upstream)).toBe(first);
    expect(emulator.counter.count(TOKEN_ROUTE)).toBe(1);

    // Past 90 % it is renewed while the old one would still be accepted: no call ever sees a 401.
    clock += 2_000;
    const second = await cache.token(config, upstream);
    expect(second).not.toBe(first);
    expect(emulator.counter.count(TOKEN_ROUTE)).toBe(2);
    await clientOver(cache, config).organization(someOrg());
    expect(
      emulator.counter
        .requests()
        .filter((r) => r.route === ORG)
        .map((r) => r.status),
    ).toEqual([200]);

    // The renewed token gets its own full lifetime from the moment it was issued.
    clock += 89_000;
    expect(await cache.token(config, upstream)).toBe(second);
    expect(emulator.counter.count(TOKEN_ROUTE)).toBe(2);
  });

  it('counts the lifetime from the token request, not from when its slow answer arrived', async () => {
    const cache = new Auth0TokenCache(now);
    const config = configWith();
    // The emulator issues the token at once but holds the answer for 300 ms; 100 ms in, the fake
    // clock moves 30 s: the answer spent 30 s in transit.
    emulator.setKnobs({ latencyMs: 300 });
    const transit = setTimeout(() => {
      clock += 30_000;
    }, 100);
    await cache.token(config, upstream).finally(() => clearTimeout(transit));
    emulator.setKnobs({ latencyMs: 0 });
    // 105 s after it was issued the token has expired at Auth0 (100 s lifetime), though only 75 s have
    // passed since it arrived: the cache must have renewed it, or the call gets a 401.
    clock += 75_000;
    await clientOver(cache, config).organization(someOrg());
    expect(emulator.counter.requests().map((r) => `${r.route} ${r.status}`)).toEqual([
      `${TOKEN_ROUTE} 200`,
      `${TOKEN_ROUTE} 200`,
      `${ORG} 200`,
    ]);
  });

  it('hands out the configured static token without any token request', async () => {
    const cache = new Auth0TokenCache(now);
    const config: Auth0Config = {
      baseUrl: `${emulator.url}/api/v2/`,
      token: emulator.credentials.token,
    };
    expect(await cache.token(config, upstream)).toBe(emulator.credentials.token);
    expect(emulator.counter.count()).toBe(0);
  });

  it('a wrong client secret: UPSTREAM_UNAUTHORIZED, and the secret appears nowhere in the error', async () => {
    const cache = new Auth0TokenCache(now);
    const config = configWith(WRONG_SECRET);
    const error = await cache.token(config, upstream).then(
      () => {
        throw new Error('expected the token request to fail');
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphQLError);
    const graphQLError = error as GraphQLError;
    expect(graphQLError.extensions['code']).toBe('UPSTREAM_UNAUTHORIZED');
    expect(graphQLError.extensions['provider']).toBe('AUTH0');
    const text = JSON.stringify({ ...graphQLError.toJSON(), stack: graphQLError.stack });
    expect(text).not.toContain(WRONG_SECRET);
    expect(text).not.toContain(CLIENT_SECRET);
    expect(emulator.counter.count(TOKEN_ROUTE)).toBe(1);
  });

  it('does not keep a failed token request: the next caller asks again', async () => {
    const cache = new Auth0TokenCache(now);
    const config = configWith();
    emulator.setKnobs({ faults: [{ route: TOKEN_ROUTE, status: 401, times: 1 }] });
    await expect(cache.token(config, upstream)).rejects.toBeInstanceOf(GraphQLError);
    const token = await cache.token(config, upstream);
    expect(token).toEqual(expect.any(String));
    expect(emulator.counter.requests().map((r) => r.status)).toEqual([401, 200]);
  });
});
