import { Provider } from '../model/provider';
import type {
  Auth0Config,
  CacheConfig,
  Config,
  CruxConfig,
  DatadogConfig,
  EconomyConfig,
  StoreConfig,
} from './config.type';
import { ConfigError } from './config-error';
import { loadCors } from './load-cors-config';
import { loadLimits } from './load-limits-config';
import { loadMetricsConfig } from './load-metrics-config';
import { loadCallersConfig } from './load-callers-config';
import { anySet, boolean, integer, oneOf, required, url, withSlash, type Env } from './env-values';

/**
 * Reads configuration from environment variables (documented in README.md and .env.example). A provider
 * with none of its variables set is off; one set halfway is an error naming the missing variable.
 */
export function loadConfig(env: Env = process.env): Config {
  const crux = loadCrux(env);
  const auth0 = loadAuth0(env);
  const datadog = loadDatadog(env);
  const production = env.NODE_ENV === 'production';
  const graphiql = boolean(env, 'ORGRAPH_GRAPHIQL', !production);
  // GraphiQL's docs need introspection, so by default the two go together.
  const introspection = boolean(env, 'ORGRAPH_INTROSPECTION', graphiql);
  const demo = !crux && !auth0 && !datadog;
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    demo,
    // Off unless asked for: whoever reaches the server would write with the server's keys. The demo
    // writes to its own emulators only.
    writes: boolean(env, 'ORGRAPH_WRITES', demo),
    providers: { crux, auth0, datadog },
    upstream: {
      timeoutMs: integer(env, 'ORGRAPH_UPSTREAM_TIMEOUT_MS', 10_000, 1, 600_000),
      retries: integer(env, 'ORGRAPH_UPSTREAM_RETRIES', 2, 0, 10),
      maxRetryDelayMs: integer(env, 'ORGRAPH_UPSTREAM_MAX_RETRY_DELAY_MS', 2_000, 0, 60_000),
      maxBodyBytes: loadMaxBodyBytes(env),
    },
    cache: loadCache(env),
    store: loadStore(env),
    economy: loadEconomy(env),
    limits: loadLimits(env, { production, introspection }),
    cors: loadCors(env, !crux && !auth0 && !datadog),
    callers: loadCallersConfig(env),
    metrics: loadMetricsConfig(env),
    graphiql,
    introspection,
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'info',
    ),
  };
}

function loadCache(env: Env): CacheConfig {
  const fresh = integer(env, 'ORGRAPH_CACHE_FRESH_SECONDS', 30, 0, 86_400);
  const freshFor = (provider: string) =>
    integer(env, `ORGRAPH_CACHE_FRESH_SECONDS_${provider}`, fresh, 0, 86_400);
  const freshSeconds = {
    [Provider.CRUX]: freshFor('CRUX'),
    [Provider.AUTH0]: freshFor('AUTH0'),
    [Provider.DATADOG]: freshFor('DATADOG'),
  };
  const longestFresh = Math.max(...Object.values(freshSeconds));
  const staleWhileRevalidateSeconds = integer(env, 'ORGRAPH_CACHE_SWR_SECONDS', 300, 0, 86_400);
  const maxAgeSeconds = integer(env, 'ORGRAPH_CACHE_MAX_AGE_SECONDS', 3_600, 1, 7 * 86_400);
  if (maxAgeSeconds < Math.max(longestFresh, staleWhileRevalidateSeconds)) {
    throw new ConfigError(
      'ORGRAPH_CACHE_MAX_AGE_SECONDS',
      'must be at least the freshness and stale-while-revalidate windows',
    );
  }
  return {
    enabled: boolean(env, 'ORGRAPH_CACHE', true),
    freshSeconds,
    staleWhileRevalidateSeconds,
    maxAgeSeconds,
    maxBytes: integer(env, 'ORGRAPH_CACHE_MAX_MB', 64, 1, 65_536) * 1024 * 1024,
  };
}

function loadMaxBodyBytes(env: Env): Record<Provider, number> {
  // 512 MB at most: past that a body no longer fits in one JavaScript string.
  const megabytes = integer(env, 'ORGRAPH_UPSTREAM_MAX_BODY_MB', 32, 1, 512);
  const bytesFor = (provider: string) =>
    integer(env, `ORGRAPH_UPSTREAM_MAX_BODY_MB_${provider}`, megabytes, 1, 512) * 1024 * 1024;
  return {
    [Provider.CRUX]: bytesFor('CRUX'),
    [Provider.AUTH0]: bytesFor('AUTH0'),
    [Provider.DATADOG]: bytesFor('DATADOG'),
  };
}

function loadStore(env: Env): StoreConfig {
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\//i.test(redisUrl)) {
    // Never echo the value: a Redis URL carries its password.
    throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL');
  }
  const secret = env.ORGRAPH_CACHE_SECRET?.trim() || undefined;
  if (redisUrl && !secret) {
    throw new ConfigError(
      'ORGRAPH_CACHE_SECRET',
      'is required with REDIS_URL: every replica must fingerprint credentials with the same secret',
    );
  }
  if (secret && secret.length < 16) {
    throw new ConfigError('ORGRAPH_CACHE_SECRET', 'must be at least 16 characters');
  }
  const keyPrefix = env.ORGRAPH_REDIS_PREFIX?.trim() || 'orgraph';
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(keyPrefix)) {
    throw new ConfigError('ORGRAPH_REDIS_PREFIX', 'must be 1 to 64 letters, digits or _.:-');
  }
  return {
    redisUrl,
    keyPrefix,
    commandTimeoutMs: integer(env, 'ORGRAPH_REDIS_TIMEOUT_MS', 250, 10, 10_000),
    secret,
  };
}

function loadEconomy(env: Env): EconomyConfig {
  return {
    requestDeadlineMs: integer(env, 'ORGRAPH_REQUEST_DEADLINE_MS', 15_000, 100, 600_000),
    requestCallBudget: integer(env, 'ORGRAPH_REQUEST_CALL_BUDGET', 300, 1, 100_000),
    concurrency: integer(env, 'ORGRAPH_UPSTREAM_CONCURRENCY', 32, 1, 1_000),
    breaker: {
      failures: integer(env, 'ORGRAPH_BREAKER_FAILURES', 5, 1, 1_000),
      cooldownMs: integer(env, 'ORGRAPH_BREAKER_COOLDOWN_MS', 10_000, 100, 600_000),
    },
  };
}

function loadCrux(env: Env): CruxConfig | undefined {
  if (!anySet(env, ['CRUX_API_URL', 'CRUX_API_TOKEN'])) return undefined;
  return { baseUrl: url(env, 'CRUX_API_URL'), token: required(env, 'CRUX_API_TOKEN') };
}

function loadAuth0(env: Env): Auth0Config | undefined {
  const names = [
    'AUTH0_DOMAIN',
    'AUTH0_API_URL',
    'AUTH0_TOKEN',
    'AUTH0_CLIENT_ID',
    'AUTH0_CLIENT_SECRET',
  ];
  if (!anySet(env, names)) return undefined;
  let baseUrl: string;
  if (env.AUTH0_API_URL?.trim()) {
    baseUrl = withSlash(url(env, 'AUTH0_API_URL'));
  } else if (env.AUTH0_DOMAIN?.trim()) {
    const domain = env.AUTH0_DOMAIN.trim();
    if (!/^[a-z0-9.-]+(:\d+)?$/i.test(domain)) {
      throw new ConfigError('AUTH0_DOMAIN', 'must be a host name such as my-tenant.eu.auth0.com');
    }
    baseUrl = `https://${domain}/api/v2/`;
  } else {
    throw new ConfigError('AUTH0_DOMAIN', 'is required (or AUTH0_API_URL with a full base URL)');
  }
  const token = env.AUTH0_TOKEN?.trim();
  if (token) return { baseUrl, token };
  const clientId = required(env, 'AUTH0_CLIENT_ID', 'or set AUTH0_TOKEN');
  const clientSecret = required(env, 'AUTH0_CLIENT_SECRET');
  return {
    baseUrl,
    clientCredentials: {
      clientId,
      clientSecret,
      tokenUrl: new URL('/oauth/token', baseUrl).toString(),
      audience: env.AUTH0_AUDIENCE?.trim() || baseUrl,
    },
  };
}

function loadDatadog(env: Env): DatadogConfig | undefined {
  if (!anySet(env, ['DATADOG_API_URL', 'DD_SITE', 'DD_API_KEY', 'DD_APP_KEY'])) return undefined;
  let baseUrl: string;
  if (env.DATADOG_API_URL?.trim()) {
    baseUrl = url(env, 'DATADOG_API_URL');
  } else {
    const site = env.DD_SITE?.trim() || 'datadoghq.com';
    if (!/^[a-z0-9.-]+$/i.test(site)) {
      throw new ConfigError('DD_SITE', 'must be a Datadog site such as datadoghq.eu');
    }
    baseUrl = `https://api.${site}`;
  }
  return { baseUrl, apiKey: required(env, 'DD_API_KEY'), appKey: required(env, 'DD_APP_KEY') };
}
