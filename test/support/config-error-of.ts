import { ConfigError } from '../../src/config/config-error';
import { loadConfig } from '../../src/config/load-config';

/** The ConfigError that loading `env` raises; fails the test when there is none. */
export function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
