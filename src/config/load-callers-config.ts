import { readFileSync } from 'node:fs';
import { ALL_PROVIDERS, type Provider } from '../model/provider';
import type { ApiKeyCallerConfig, CallersConfig, JwtCallersConfig } from './callers-config.type';
import { ConfigError } from './config-error';
import { anySet, boolean, integer, required, type Env } from './env-values';

const ENTRY_SHAPE = '{id, sha256, providers?, ownCredentials?, traces?, writes?}';
const ENTRY_FIELDS = ['id', 'sha256', 'providers', 'ownCredentials', 'traces', 'writes'];
const CALLER_ID = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** Signatures a JWKS can verify: asymmetric only (no shared secrets, never `none`). */
export const JWT_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

const JWT_VARIABLES = [
  'ORGRAPH_JWT_JWKS_URL',
  'ORGRAPH_JWT_ISSUER',
  'ORGRAPH_JWT_AUDIENCE',
  'ORGRAPH_JWT_ALGORITHMS',
  'ORGRAPH_JWT_CLOCK_TOLERANCE_SECONDS',
  'ORGRAPH_JWT_PROVIDERS',
  'ORGRAPH_JWT_PROVIDERS_CLAIM',
  'ORGRAPH_JWT_OWN_CREDENTIALS',
  'ORGRAPH_JWT_TRACES',
  'ORGRAPH_JWT_WRITES',
];

/**
 * Caller authentication (documented in README.md): API keys, of which only SHA-256 hashes are
 * configured, and/or bearer JWTs verified against a JWKS. With neither, it is off.
 */
export function loadCallersConfig(env: Env): CallersConfig {
  return { apiKeys: loadApiKeys(env), jwt: loadJwt(env) };
}

function loadApiKeys(env: Env): ApiKeyCallerConfig[] {
  const inline = env.ORGRAPH_API_KEYS?.trim();
  const file = env.ORGRAPH_API_KEYS_FILE?.trim();
  if (inline && file) {
    throw new ConfigError('ORGRAPH_API_KEYS_FILE', 'cannot be set with ORGRAPH_API_KEYS: set one');
  }
  if (!inline && !file) return [];
  const variable = file ? 'ORGRAPH_API_KEYS_FILE' : 'ORGRAPH_API_KEYS';
  let text = inline ?? '';
  if (file) {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError(variable, 'must name a readable file');
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the mistake: never echoed.
    throw new ConfigError(variable, `must be a JSON array of ${ENTRY_SHAPE}; it is not valid JSON`);
  }
  if (!Array.isArray(parsed)) {
    throw new ConfigError(variable, `must be a JSON array of ${ENTRY_SHAPE}`);
  }
  if (parsed.length === 0) {
    // An empty list would turn authentication off where someone meant it on.
    throw new ConfigError(variable, 'must list at least one key');
  }
  const entries = parsed.map((entry, index) => apiKeyEntry(variable, entry, index + 1));
  entries.forEach((entry, index) => {
    const earlier = entries.slice(0, index);
    if (earlier.some((e) => e.id === entry.id)) {
      throw new ConfigError(variable, `entry ${index + 1}: id is already used by an earlier entry`);
    }
    if (earlier.some((e) => e.sha256 === entry.sha256)) {
      throw new ConfigError(
        variable,
        `entry ${index + 1}: sha256 is already used by an earlier entry`,
      );
    }
  });
  return entries;
}

function apiKeyEntry(variable: string, entry: unknown, position: number): ApiKeyCallerConfig {
  const fail = (rule: string) => new ConfigError(variable, `entry ${position}: ${rule}`);
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw fail(`must be an object ${ENTRY_SHAPE}`);
  }
  const fields = entry as Record<string, unknown>;
  if (Object.keys(fields).some((name) => !ENTRY_FIELDS.includes(name))) {
    // The field is not named: a key pasted as a field name must not reach the log.
    throw fail(
      `has a field other than ${ENTRY_FIELDS.join(', ')} ` +
        '(the key itself is never configured, only its sha256)',
    );
  }
  if (typeof fields.id !== 'string' || !CALLER_ID.test(fields.id)) {
    throw fail('id must be 1 to 128 letters, digits or _.:@- (starting with a letter or digit)');
  }
  if (typeof fields.sha256 !== 'string' || !SHA256_HEX.test(fields.sha256)) {
    throw fail(
      'sha256 must be 64 hexadecimal characters: the SHA-256 of the key (npm run api-key:hash)',
    );
  }
  let providers = [...ALL_PROVIDERS];
  if (fields.providers !== undefined) {
    const names = fields.providers;
    if (!Array.isArray(names) || names.length === 0 || !names.every(isProvider)) {
      throw fail(
        `providers must be a non-empty list of ${ALL_PROVIDERS.join(', ')} (or left out for all)`,
      );
    }
    providers = ALL_PROVIDERS.filter((p) => names.includes(p));
  }
  const flag = (name: 'ownCredentials' | 'traces' | 'writes') => {
    const value = fields[name];
    if (value === undefined) return false;
    if (typeof value !== 'boolean') throw fail(`${name} must be true or false`);
    return value;
  };
  return {
    id: fields.id,
    sha256: fields.sha256.toLowerCase(),
    providers,
    ownCredentials: flag('ownCredentials'),
    traces: flag('traces'),
    writes: flag('writes'),
  };
}

function loadJwt(env: Env): JwtCallersConfig | undefined {
  if (!anySet(env, JWT_VARIABLES)) return undefined;
  const jwksUrl = required(env, 'ORGRAPH_JWT_JWKS_URL', 'with any other ORGRAPH_JWT_ variable');
  checkJwksUrl(jwksUrl);
  const issuer = required(
    env,
    'ORGRAPH_JWT_ISSUER',
    'with ORGRAPH_JWT_JWKS_URL: tokens must come from one issuer',
  );
  const audience = list(
    required(
      env,
      'ORGRAPH_JWT_AUDIENCE',
      'with ORGRAPH_JWT_JWKS_URL: tokens must be meant for orgraph',
    ),
  );
  const algorithms = list(env.ORGRAPH_JWT_ALGORITHMS?.trim() || 'RS256,ES256');
  if (algorithms.length === 0 || !algorithms.every((a) => JWT_ALGORITHMS.includes(a))) {
    throw new ConfigError(
      'ORGRAPH_JWT_ALGORITHMS',
      `must be a comma-separated list of ${JWT_ALGORITHMS.join(', ')}`,
    );
  }
  const providersClaim = env.ORGRAPH_JWT_PROVIDERS_CLAIM?.trim() || undefined;
  if (providersClaim && !/^[\x21-\x7e]{1,256}$/.test(providersClaim)) {
    throw new ConfigError(
      'ORGRAPH_JWT_PROVIDERS_CLAIM',
      'must be a claim name: 1 to 256 printable characters, no spaces',
    );
  }
  return {
    jwksUrl,
    issuer,
    audience,
    algorithms,
    clockToleranceSeconds: integer(env, 'ORGRAPH_JWT_CLOCK_TOLERANCE_SECONDS', 5, 0, 300),
    policy: {
      providers: providerList(env, 'ORGRAPH_JWT_PROVIDERS'),
      ownCredentials: boolean(env, 'ORGRAPH_JWT_OWN_CREDENTIALS', false),
      traces: boolean(env, 'ORGRAPH_JWT_TRACES', false),
      writes: boolean(env, 'ORGRAPH_JWT_WRITES', false),
    },
    providersClaim,
  };
}

/** HTTPS, or plain HTTP on loopback only: the key set decides whose tokens are trusted. */
function checkJwksUrl(value: string): void {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError('ORGRAPH_JWT_JWKS_URL', 'must be an absolute https URL');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new ConfigError(
      'ORGRAPH_JWT_JWKS_URL',
      'must be an https URL (plain http only on localhost, 127.0.0.1 or [::1])',
    );
  }
}

function providerList(env: Env, name: string): Provider[] {
  const raw = env[name]?.trim();
  if (!raw) return [...ALL_PROVIDERS];
  const names = list(raw.toUpperCase());
  if (names.length === 0 || !names.every(isProvider)) {
    throw new ConfigError(name, `must be a comma-separated list of ${ALL_PROVIDERS.join(', ')}`);
  }
  return ALL_PROVIDERS.filter((p) => names.includes(p));
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function isProvider(value: unknown): value is Provider {
  return typeof value === 'string' && (ALL_PROVIDERS as readonly string[]).includes(value);
}
