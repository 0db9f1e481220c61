import { emulatorsBanner } from './emulators-banner';
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
  console.log(emulatorsBanner(emulators));
  const stop = () => void emulators.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
