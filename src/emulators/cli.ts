import { startEmulators } from './start-emulators';

/**
 * `npm run emulators`: the three provider emulators alone, for pointing orgraph (or curl) at them.
 * EMULATOR_SEED and EMULATOR_SIZE choose the data; CRUX_PORT, AUTH0_PORT, DATADOG_PORT fix the ports.
 */
async function main(): Promise<void> {
  const port = (name: string) => (process.env[name] ? Number(process.env[name]) : 0);
  const emulators = await startEmulators({
    seed: process.env.EMULATOR_SEED ? Number(process.env.EMULATOR_SEED) : undefined,
    size: process.env.EMULATOR_SIZE ? Number(process.env.EMULATOR_SIZE) : undefined,
    ports: { crux: port('CRUX_PORT'), auth0: port('AUTH0_PORT'), datadog: port('DATADOG_PORT') },
  });
  const { crux, auth0, datadog } = emulators;
  // Demo credentials only: these emulators serve generated data on loopback.
  console.log(`Crux Connect emulator: ${crux.url}
  CRUX_API_URL=${crux.url} CRUX_API_TOKEN=${crux.credentials.token}
Auth0 emulator: ${auth0.url}
  AUTH0_API_URL=${auth0.url}/api/v2 AUTH0_CLIENT_ID=${auth0.credentials.clientId} AUTH0_CLIENT_SECRET=${auth0.credentials.clientSecret}
  (or AUTH0_TOKEN=${auth0.credentials.token})
Datadog emulator: ${datadog.url}
  DATADOG_API_URL=${datadog.url} DD_API_KEY=${datadog.credentials.apiKey} DD_APP_KEY=${datadog.credentials.appKey}
Second tenant (other credentials, other data): CRUX_API_TOKEN=${crux.secondTenant.credentials.token}
  AUTH0_CLIENT_ID=${auth0.secondTenant.credentials.clientId} AUTH0_CLIENT_SECRET=${auth0.secondTenant.credentials.clientSecret} (or AUTH0_TOKEN=${auth0.secondTenant.credentials.token})
  DD_API_KEY=${datadog.secondTenant.credentials.apiKey} DD_APP_KEY=${datadog.secondTenant.credentials.appKey}
Knobs and counters: GET <url>/__emulator/counters, PUT <url>/__emulator/knobs, POST <url>/__emulator/reset
  (Auth0 also POST <url>/__emulator/revoke-tokens)
Ctrl-C stops them.`);
  const stop = () => void emulators.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
