import 'reflect-metadata';
import { ConfigError } from './config/config-error';
import { loadConfig } from './config/load-config';
import { demoCredentials } from './emulators/demo-credentials';
import { startEmulators, type RunningEmulators } from './emulators/start-emulators';
import { createLogger } from './server/logger';
import { startServer } from './server/start-server';
import { shutdownOnSignals } from './shutdown/shutdown-on-signals';
import { startTracingFromEnv } from './tracing/start-from-env';

/**
 * `npm start`: orgraph against the configured providers, or, with none configured, in demo mode against
 * the three emulators started here on loopback (no network needed).
 */
async function main(): Promise<void> {
  await startTracingFromEnv();
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
      `orgraph in demo mode: no provider configured, so Crux (${emulators.crux.url}), Auth0 (${emulators.auth0.url}) and Datadog (${emulators.datadog.url}) emulators serve seeded data; GraphQL and GraphiQL at ${displayUrl}; ${demoCredentials(emulators)}`,
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

  // The emulators stop after the server: the requests it drains may still be reading from them.
  shutdownOnSignals(logger, async () => {
    await server.stop();
    await emulators?.stop();
  });
}

main().catch((error: unknown) => {
  console.error('orgraph failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
