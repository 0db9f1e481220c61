import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashApiKey } from '../../src/callers/api-key-hash';
import { loadConfig } from '../../src/config/load-config';
import { configErrorOf } from '../support/config-error-of';

const HASH = hashApiKey('some-key');
const JWT = {
  ORGRAPH_JWT_JWKS_URL: 'https://id.example.com/.well-known/jwks.json',
  ORGRAPH_JWT_ISSUER: 'https://id.example.com/',
  ORGRAPH_JWT_AUDIENCE: 'https://orgraph.example.com',
};

/** Caller authentication's variables: off unless set, and every mistake named without its value. */
describe('caller authentication configuration', () => {
  it('is off when nothing is configured', () => {
    expect(loadConfig({}).callers).toEqual({ apiKeys: [], jwt: undefined });
  });

  it('reads API keys with their defaults: every provider, no own credentials, no traces', () => {
    const callers = loadConfig({
      ORGRAPH_API_KEYS: JSON.stringify([
        { id: 'reporting', sha256: HASH.toUpperCase() },
        {
          id: 'crux-sync',
          sha256: hashApiKey('other'),
          providers: ['DATADOG', 'CRUX'],
          ownCredentials: true,
          traces: true,
          writes: true,
        },
      ]),
    }).callers;
    expect(callers.apiKeys).toEqual([
      {
        id: 'reporting',
        sha256: HASH,
        providers: ['CRUX', 'AUTH0', 'DATADOG'],
        ownCredentials: false,
        traces: false,
        writes: false,
      },
      {
        id: 'crux-sync',
        sha256: hashApiKey('other'),
        providers: ['CRUX', 'DATADOG'],
        ownCredentials: true,
        traces: true,
        writes: true,
      },
    ]);
  });

  it('reads API keys from a file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'orgraph-keys-'));
    try {
      const file = path.join(dir, 'keys.json');
      writeFileSync(file, JSON.stringify([{ id: 'from-file', sha256: HASH }]));
      expect(loadConfig({ ORGRAPH_API_KEYS_FILE: file }).callers.apiKeys).toEqual([
        expect.objectContaining({ id: 'from-file', sha256: HASH }),
      ]);
      expect(configErrorOf({ ORGRAPH_API_KEYS_FILE: path.join(dir, 'missing.json') }).message).toBe(
        'ORGRAPH_API_KEYS_FILE: must name a readable file',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the JWT settings with their defaults', () => {
    const callers = loadConfig({
      ...JWT,
      ORGRAPH_JWT_AUDIENCE: 'a, b',
      ORGRAPH_JWT_PROVIDERS: 'auth0',
    }).callers;
    expect(callers.jwt).toEqual({
      jwksUrl: JWT.ORGRAPH_JWT_JWKS_URL,
      issuer: JWT.ORGRAPH_JWT_ISSUER,
      audience: ['a', 'b'],
      algorithms: ['RS256', 'ES256'],
      clockToleranceSeconds: 5,
      policy: { providers: ['AUTH0'], ownCredentials: false, traces: false, writes: false },
      providersClaim: undefined,
    });
  });

  const secret = 'sk_live_9f8e7d6c5b4a';
  it.each([
    [
      'malformed JSON',
      { ORGRAPH_API_KEYS: `[{"id": "x", "sha256": "${secret}"` },
      'ORGRAPH_API_KEYS: must be a JSON array of {id, sha256, providers?, ownCredentials?, traces?, writes?}; it is not valid JSON',
    ],
    [
      'not an array',
      { ORGRAPH_API_KEYS: `{"id": "x"}` },
      'ORGRAPH_API_KEYS: must be a JSON array of {id, sha256, providers?, ownCredentials?, traces?, writes?}',
    ],
    ['an empty list', { ORGRAPH_API_KEYS: '[]' }, 'ORGRAPH_API_KEYS: must list at least one key'],
    [
      'an entry that is not an object',
      { ORGRAPH_API_KEYS: `["${secret}"]` },
      'ORGRAPH_API_KEYS: entry 1: must be an object {id, sha256, providers?, ownCredentials?, traces?, writes?}',
    ],
    [
      'a field other than the known ones',
      { ORGRAPH_API_KEYS: `[{"id": "x", "key": "${secret}"}]` },
      'ORGRAPH_API_KEYS: entry 1: has a field other than id, sha256, providers, ownCredentials, traces, writes (the key itself is never configured, only its sha256)',
    ],
    [
      'a sha256 that is not one',
      { ORGRAPH_API_KEYS: `[{"id": "x", "sha256": "${secret}"}]` },
      'ORGRAPH_API_KEYS: entry 1: sha256 must be 64 hexadecimal characters: the SHA-256 of the key (npm run api-key:hash)',
    ],
    [
      'an id with spaces',
      { ORGRAPH_API_KEYS: `[{"id": "${secret} x", "sha256": "${HASH}"}]` },
      'ORGRAPH_API_KEYS: entry 1: id must be 1 to 128 letters, digits or _.:@- (starting with a letter or digit)',
    ],
    [
      'an unknown provider',
      { ORGRAPH_API_KEYS: `[{"id": "x", "sha256": "${HASH}", "providers": ["${secret}"]}]` },
      'ORGRAPH_API_KEYS: entry 1: providers must be a non-empty list of CRUX, AUTH0, DATADOG (or left out for all)',
    ],
    [
      'a flag that is not a boolean',
      { ORGRAPH_API_KEYS: `[{"id": "x", "sha256": "${HASH}", "ownCredentials": "yes"}]` },
      'ORGRAPH_API_KEYS: entry 1: ownCredentials must be true or false',
    ],
    [
      'a repeated id',
      {
        ORGRAPH_API_KEYS: `[{"id": "x", "sha256": "${HASH}"}, {"id": "x", "sha256": "${hashApiKey('b')}"}]`,
      },
      'ORGRAPH_API_KEYS: entry 2: id is already used by an earlier entry',
    ],
    [
      'a repeated hash',
      { ORGRAPH_API_KEYS: `[{"id": "x", "sha256": "${HASH}"}, {"id": "y", "sha256": "${HASH}"}]` },
      'ORGRAPH_API_KEYS: entry 2: sha256 is already used by an earlier entry',
    ],
    [
      'keys both inline and in a file',
      {
        ORGRAPH_API_KEYS: `[{"id": "x", "sha256": "${HASH}"}]`,
        ORGRAPH_API_KEYS_FILE: '/tmp/k.json',
      },
      'ORGRAPH_API_KEYS_FILE: cannot be set with ORGRAPH_API_KEYS: set one',
    ],
    [
      'JWT settings without a JWKS',
      { ORGRAPH_JWT_ISSUER: secret },
      'ORGRAPH_JWT_JWKS_URL: is required (with any other ORGRAPH_JWT_ variable)',
    ],
    [
      'a JWKS without an issuer',
      { ...JWT, ORGRAPH_JWT_ISSUER: '' },
      'ORGRAPH_JWT_ISSUER: is required (with ORGRAPH_JWT_JWKS_URL: tokens must come from one issuer)',
    ],
    [
      'a JWKS without an audience',
      { ...JWT, ORGRAPH_JWT_AUDIENCE: '' },
      'ORGRAPH_JWT_AUDIENCE: is required (with ORGRAPH_JWT_JWKS_URL: tokens must be meant for orgraph)',
    ],
    [
      'a plain-http JWKS off loopback',
      { ...JWT, ORGRAPH_JWT_JWKS_URL: `http://${secret}.example.com/jwks` },
      'ORGRAPH_JWT_JWKS_URL: must be an https URL (plain http only on localhost, 127.0.0.1 or [::1])',
    ],
    [
      'a JWKS URL that is not a URL',
      { ...JWT, ORGRAPH_JWT_JWKS_URL: secret },
      'ORGRAPH_JWT_JWKS_URL: must be an absolute https URL',
    ],
    [
      'a symmetric algorithm',
      { ...JWT, ORGRAPH_JWT_ALGORITHMS: 'HS256' },
      'ORGRAPH_JWT_ALGORITHMS: must be a comma-separated list of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA',
    ],
    [
      'alg none',
      { ...JWT, ORGRAPH_JWT_ALGORITHMS: 'none' },
      'ORGRAPH_JWT_ALGORITHMS: must be a comma-separated list of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512, EdDSA',
    ],
    [
      'an unknown JWT provider',
      { ...JWT, ORGRAPH_JWT_PROVIDERS: secret },
      'ORGRAPH_JWT_PROVIDERS: must be a comma-separated list of CRUX, AUTH0, DATADOG',
    ],
    [
      'a clock tolerance over 5 minutes',
      { ...JWT, ORGRAPH_JWT_CLOCK_TOLERANCE_SECONDS: '3600' },
      'ORGRAPH_JWT_CLOCK_TOLERANCE_SECONDS: must be a whole number from 0 to 300',
    ],
    [
      'a JWT flag that is not a boolean',
      { ...JWT, ORGRAPH_JWT_OWN_CREDENTIALS: secret },
      'ORGRAPH_JWT_OWN_CREDENTIALS: must be true or false',
    ],
  ])('refuses %s, naming the variable and the rule, never the value', (_label, env, message) => {
    const error = configErrorOf(env);
    expect(error.message).toBe(message);
    expect(error.message).not.toContain(secret);
  });
});
