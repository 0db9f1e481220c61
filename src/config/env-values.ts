import { ConfigError } from './config-error';

/** The environment variables configuration is read from. */
export type Env = Record<string, string | undefined>;

// Readers of one variable each. A rejected value is never put in the error: a secret pasted into the
// wrong variable would reach stderr.

export function anySet(env: Env, names: string[]): boolean {
  return names.some((n) => (env[n]?.trim() ?? '') !== '');
}

export function required(env: Env, name: string, hint?: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(name, `is required${hint ? ` (${hint})` : ''}`);
  return value;
}

export function url(env: Env, name: string): string {
  const value = required(env, name);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, 'must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(name, 'must be an http(s) URL');
  }
  return value;
}

export function withSlash(value: string): string {
  return value.endsWith('/') ? value : `${value}/`;
}

export function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

export function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, 'must be true or false');
}

export function oneOf(env: Env, name: string, allowed: string[], fallback: string): string {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (!allowed.includes(raw)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}`);
  return raw;
}
