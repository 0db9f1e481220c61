/**
 * The emulators as their own process for the benchmark, so their CPU is not the harness's nor the
 * measured system's. Prints one JSON line: the environment that points a system at them.
 * EMULATOR_SIZE chooses the data (organizations per provider).
 */
import { startEmulators } from '../../src/emulators/start-emulators';

async function main(): Promise<void> {
  const size = Number(process.env.EMULATOR_SIZE ?? 12);
  const emulators = await startEmulators({ size });
  const { crux, auth0, datadog } = emulators;
  const env = {
    CRUX_API_URL: crux.url,
    CRUX_API_TOKEN: crux.firstTenant.credentials.token,
    AUTH0_API_URL: `${auth0.url}/api/v2`,
    AUTH0_TOKEN: auth0.firstTenant.credentials.token,
    DATADOG_API_URL: datadog.url,
    DD_API_KEY: datadog.firstTenant.credentials.apiKey,
    DD_APP_KEY: datadog.firstTenant.credentials.appKey,
  };
  process.stdout.write(`${JSON.stringify({ env, urls: [crux.url, auth0.url, datadog.url] })}\n`);
  const stop = () => void emulators.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
