import type { Config } from '../config/config.type';
import { Auth0Emulator } from './auth0/auth0-emulator';
import { CruxEmulator } from './crux/crux-emulator';
import { DatadogEmulator } from './datadog/datadog-emulator';

export interface EmulatorOptions {
  /** Same seed, same data (default 42). */
  seed?: number;
  /** Organizations per provider: small for demo and tests (default 12), thousands for benchmarks. */
  size?: number;
  /** Fixed ports (0 or absent: any free port). */
  ports?: { crux?: number; auth0?: number; datadog?: number };
}

export interface RunningEmulators {
  crux: CruxEmulator;
  auth0: Auth0Emulator;
  datadog: DatadogEmulator;
  /** Provider configuration pointing at these emulators, as environment variables would give it. */
  providers: Config['providers'];
  /** Clears knobs and counters of all three. */
  reset(): void;
  stop(): Promise<void>;
}

/** Starts the three provider emulators on loopback. */
export async function startEmulators(options: EmulatorOptions = {}): Promise<RunningEmulators> {
  const seeded = { seed: options.seed ?? 42, size: options.size ?? 12 };
  const crux = new CruxEmulator(seeded);
  const auth0 = new Auth0Emulator(seeded);
  const datadog = new DatadogEmulator(seeded);
  await Promise.all([
    crux.start(options.ports?.crux ?? 0),
    auth0.start(options.ports?.auth0 ?? 0),
    datadog.start(options.ports?.datadog ?? 0),
  ]);
  const auth0Api = `${auth0.url}/api/v2/`;
  return {
    crux,
    auth0,
    datadog,
    providers: {
      crux: { baseUrl: crux.url, token: crux.credentials.token },
      auth0: {
        baseUrl: auth0Api,
        clientCredentials: {
          clientId: auth0.credentials.clientId,
          clientSecret: auth0.credentials.clientSecret,
          tokenUrl: `${auth0.url}/oauth/token`,
          audience: auth0Api,
        },
      },
      datadog: {
        baseUrl: datadog.url,
        apiKey: datadog.credentials.apiKey,
        appKey: datadog.credentials.appKey,
      },
    },
    reset() {
      for (const emulator of [crux, auth0, datadog]) emulator.reset();
    },
    async stop() {
      await Promise.all([crux.stop(), auth0.stop(), datadog.stop()]);
    },
  };
}
