import { ConfigError } from './config-error';
import type { CorsConfig } from './config.type';
import type { Env } from './env-values';

/**
 * `CORS_ORIGINS`: `*`, or origins separated by commas (`https://app.example.com`). Off when unset,
 * except in demo mode, where any origin may call (the emulators' data is public demo data).
 */
export function loadCors(env: Env, demo: boolean): CorsConfig | undefined {
  const raw = env.CORS_ORIGINS?.trim();
  if (!raw) return demo ? { origins: '*' } : undefined;
  if (raw.toLowerCase() === 'off') return undefined;
  if (raw === '*') return { origins: '*' };
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    // An origin is a scheme, host and port: no path, no trailing slash (browsers send it so).
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(
        'CORS_ORIGINS',
        'must be *, off, or origins such as https://app.example.com separated by commas',
      );
    }
  }
  return { origins };
}
