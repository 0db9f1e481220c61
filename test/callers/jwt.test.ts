import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  type JWTPayload,
  type KeyLike,
} from 'jose';
import pino from 'pino';
import { createCallerAuthenticator } from '../../src/callers/caller-authenticator';
import { loadCallersConfig } from '../../src/config/load-callers-config';
import type { UnauthenticatedError } from '../../src/errors/unauthenticated-error';
import { upstreamCalls, type TestStack } from '../support/test-stack';
import { API_KEYS_ENV, KEYS, recordRateTurns, startCallersStack } from './callers-stack';

const ISSUER = 'https://id.example.test/';
const AUDIENCE = 'https://orgraph.example.test';
const KID = 'test-key-1';
const ORGS = '{ organizations(limit: 500) { totalCount items { provider } } }';
/** What ORGS selects. */
interface OrgsData {
  organizations: { totalCount: number; items: Array<{ provider: string }> };
}

/** A JSON Web Key Set on loopback, as an identity provider serves it; counts its fetches. */
async function startJwks(publicKey: KeyLike) {
  const jwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  let fetches = 0;
  const server = http.createServer((_req, res) => {
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    fetches: () => fetches,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Bearer JWTs verified against the issuer's JWKS (served on loopback), with issuer, audience, expiry
 * and algorithm checked. Every refusal is 401 UNAUTHENTICATED with no upstream call.
 */
describe('callers with bearer JWTs', () => {
  let stack: TestStack;
  let jwks: Awaited<ReturnType<typeof startJwks>>;
  let privateKey: KeyLike;
  let otherKey: KeyLike;
  let env: Record<string, string>;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    jwks = await startJwks(pair.publicKey);
    env = {
      ORGRAPH_API_KEYS: API_KEYS_ENV,
      ORGRAPH_JWT_JWKS_URL: jwks.url,
      ORGRAPH_JWT_ISSUER: ISSUER,
      ORGRAPH_JWT_AUDIENCE: `https://other.example.test,${AUDIENCE}`,
      ORGRAPH_JWT_PROVIDERS_CLAIM: 'https://orgraph.example.test/providers',
    };
    stack = await startCallersStack(env);
  });
  afterAll(async () => {
    await stack?.stop();
    await jwks?.stop();
  });
  beforeEach(() => stack.reset());

  function token(
    claims: JWTPayload = {},
    options: { key?: KeyLike; alg?: string; expires?: string | number } = {},
  ): Promise<string> {
    return new SignJWT({ sub: 'svc-reporting', iss: ISSUER, aud: AUDIENCE, ...claims })
      .setProtectedHeader({ alg: options.alg ?? 'RS256', kid: KID })
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '5m')
      .sign(options.key ?? privateKey);
  }

  async function asBearer(jwt: string) {
    return stack.query<OrgsData>(ORGS, undefined, { authorization: `Bearer ${jwt}` });
  }

  function expectRefused(result: Awaited<ReturnType<typeof asBearer>>, message: string) {
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([{ message, extensions: { code: 'UNAUTHENTICATED' } }]);
    expect(upstreamCalls(stack.emulators).total).toBe(0);
  }

  it('answers a valid token, whose subject takes the turns at rate budgets', async () => {
    const turns = recordRateTurns(stack);
    const result = await asBearer(await token());
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(new Set(result.data!.organizations.items.map((o) => o.provider))).toEqual(
      new Set(['CRUX', 'AUTH0', 'DATADOG']),
    );
    expect(turns.length).toBeGreaterThan(0);
    expect(new Set(turns)).toEqual(new Set(['svc-reporting']));
    // The key set was fetched once and is reused.
    await asBearer(await token());
    expect(jwks.fetches()).toBe(1);
  });

  it('narrows the providers to those the configured claim names', async () => {
    const result = await asBearer(
      await token({ 'https://orgraph.example.test/providers': ['datadog', 'not-a-provider'] }),
    );
    expect(result.errors).toBeUndefined();
    expect(new Set(result.data!.organizations.items.map((o) => o.provider))).toEqual(
      new Set(['DATADOG']),
    );
    const calls = upstreamCalls(stack.emulators);
    expect(calls.crux).toEqual({});
    expect(calls.auth0).toEqual({});
  });

  it.each([
    [
      'expired',
      () => token({}, { expires: Math.floor(Date.now() / 1000) - 60 }),
      'The bearer token has expired',
    ],
    [
      'of another issuer',
      () => token({ iss: 'https://evil.example.test/' }),
      'The bearer token is not valid for orgraph',
    ],
    [
      'for another audience',
      () => token({ aud: 'https://elsewhere.example.test' }),
      'The bearer token is not valid for orgraph',
    ],
    [
      'signed by another key',
      () => token({}, { key: otherKey }),
      'The bearer token is not valid for orgraph',
    ],
    [
      'unsigned (alg none)',
      () =>
        Promise.resolve(
          new UnsecuredJWT({ sub: 'svc-reporting' })
            .setIssuer(ISSUER)
            .setAudience(AUDIENCE)
            .setExpirationTime('5m')
            .encode(),
        ),
      'The bearer token is not valid for orgraph',
    ],
    [
      'signed with an algorithm not allowed (PS256)',
      () => token({}, { alg: 'PS256' }),
      'The bearer token is not valid for orgraph',
    ],
    [
      'without a subject',
      () => token({ sub: undefined }),
      'The bearer token is not valid for orgraph',
    ],
    ['not a JWT', () => Promise.resolve('not.a.jwt'), 'The bearer token is not valid for orgraph'],
  ])(
    'refuses a token (%s): 401 UNAUTHENTICATED, no upstream call',
    async (_name, make, message) => {
      const result = await asBearer(await make());
      expectRefused(result, message);
    },
  );

  it('answers refusals with WWW-Authenticate challenges for both schemes', async () => {
    const missing = await fetch(stack.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: ORGS }),
    });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe(
      'Bearer realm="orgraph", ApiKey realm="orgraph", header="x-api-key"',
    );
    const bad = await fetch(stack.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.jwt' },
      body: JSON.stringify({ query: ORGS }),
    });
    expect(bad.headers.get('www-authenticate')).toBe(
      'Bearer realm="orgraph", error="invalid_token", ApiKey realm="orgraph", header="x-api-key"',
    );
    const body = (await missing.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0].message).toBe(
      'Authentication required: send an x-api-key header or Authorization: Bearer <JWT>',
    );
  });

  it('refuses another Authorization scheme, and two credentials at once', async () => {
    expectRefused(
      await stack.query(ORGS, undefined, { authorization: 'Basic dXNlcjpwYXNz' }),
      'Authorization must be "Bearer <JWT>"',
    );
    expectRefused(
      await stack.query(ORGS, undefined, {
        authorization: `Bearer ${await token()}`,
        'x-api-key': KEYS.admin,
      }),
      'Send one credential, an x-api-key header or Authorization: Bearer <JWT>, not both',
    );
  });

  it('answers 503 UNAUTHENTICATED while the key set cannot be fetched', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const authenticate = createCallerAuthenticator(
      loadCallersConfig({ ...env, ORGRAPH_JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` }),
      pino({ level: 'silent' }),
    );
    const refusal = await authenticate({ authorization: `Bearer ${await token()}` }).then(
      () => undefined,
      (error: UnauthenticatedError) => error,
    );
    expect(refusal?.message).toBe(
      'Bearer tokens cannot be verified right now (the key set is unreachable); retry later',
    );
    expect(refusal?.extensions.code).toBe('UNAUTHENTICATED');
    expect(refusal?.extensions.http).toMatchObject({ status: 503 });
  });
});
