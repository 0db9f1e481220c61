import 'reflect-metadata';
import { ConfigError } from './config/config-error';
import { loadConfig } from './config/load-config';
import { startEmulators, type RunningEmulators } from './emulators/start-emulators';
import { createLogger } from './server/logger';
import { startServer } from './server/start-server';

/**
 * `npm start`: orgraph against the configured providers, or, with none configured, in demo mode against
 * the three emulators started here on loopback (no network needed).
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`orgraph: invalid configuration: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let emulators: RunningEmulators | undefined;
  if (config.demo) {
    emulators = await startEmulators();
    config = { ...config, providers: emulators.providers };
  }
  const server = await startServer(config, logger);
  const displayUrl = server.url.replace('127.0.0.1', 'localhost');
  if (emulators) {
    logger.info(
      `orgraph in demo mode: no provider configured, so Crux (${emulators.crux.url}), Auth0 (${emulators.auth0.url}) and Datadog (${emulators.datadog.url}) emulators serve seeded data; GraphQL and GraphiQL at ${displayUrl}`,
    );
  } else {
    const on = Object.entries(config.providers)
      .filter(([, value]) => value)
      .map(([name]) => name);
    const off = ['crux', 'auth0', 'datadog'].filter((name) => !on.includes(name));
    logger.info(
      `orgraph listening at ${displayUrl}; providers on: ${on.join(', ')}${off.length ? `; off (not configured): ${off.join(', ')}` : ''}`,
    );
  }

  const store = server.upstream.store.kind;
  logger.info(
    {
      store,
      callBudget: config.economy.requestCallBudget,
      deadlineMs: config.economy.requestDeadlineMs,
    },
    `upstream: ${config.cache.enabled ? `provider reads cached in ${store}` : 'cache off'}; rate budgets in ${store}`,
  );

  const shutdown = async () => {
    await server.stop();
    await emulators?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error('orgraph failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
