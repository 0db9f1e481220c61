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

/** The credential headers a GraphQL caller sends to reach the providers with its own rights. */
export interface CallerCredentialHeaders {
  'x-crux-token': string;
  'x-auth0-token': string;
  'x-datadog-api-key': string;
  'x-datadog-application-key': string;
}

export interface RunningEmulators {
  crux: CruxEmulator;
  auth0: Auth0Emulator;
  datadog: DatadogEmulator;
  /**
   * Provider configuration pointing at these emulators, as environment variables would give it: the
   * first tenant's credentials.
   */
  providers: Config['providers'];
  /** The same for the second tenant of each emulator: other credentials, other data. */
  secondTenant: Config['providers'];
  /** The second tenant's credentials as a caller sends them (its static Auth0 token). */
  secondTenantHeaders: CallerCredentialHeaders;
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
  const providersFor = (tenant: 'firstTenant' | 'secondTenant'): Config['providers'] => {
    const auth0Api = `${auth0.url}/api/v2/`;
    const auth0Client = auth0[tenant].credentials;
    const datadogKeys = datadog[tenant].credentials;
    return {
      crux: { baseUrl: crux.url, token: crux[tenant].credentials.token },
      auth0: {
        baseUrl: auth0Api,
        clientCredentials: {
          clientId: auth0Client.clientId,
          clientSecret: auth0Client.clientSecret,
          tokenUrl: `${auth0.url}/oauth/token`,
          audience: auth0Api,
        },
      },
      datadog: { baseUrl: datadog.url, apiKey: datadogKeys.apiKey, appKey: datadogKeys.appKey },
    };
  };
  return {
    crux,
    auth0,
    datadog,
    providers: providersFor('firstTenant'),
    secondTenant: providersFor('secondTenant'),
    secondTenantHeaders: {
      'x-crux-token': crux.secondTenant.credentials.token,
      'x-auth0-token': auth0.secondTenant.credentials.token,
      'x-datadog-api-key': datadog.secondTenant.credentials.apiKey,
      'x-datadog-application-key': datadog.secondTenant.credentials.appKey,
    },
    reset() {
      for (const emulator of [crux, auth0, datadog]) emulator.reset();
    },
    async stop() {
      await Promise.all([crux.stop(), auth0.stop(), datadog.stop()]);
    },
  };
}
