import type { RunningEmulators } from '../../src/emulators/start-emulators';

/** The environment that points an orgraph process at these emulators (their first tenant). */
export function emulatorEnv(emulators: RunningEmulators): Record<string, string> {
  const { crux, auth0, datadog } = emulators.providers;
  return {
    CRUX_API_URL: crux!.baseUrl,
    CRUX_API_TOKEN: crux!.token,
    AUTH0_API_URL: auth0!.baseUrl,
    AUTH0_CLIENT_ID: auth0!.clientCredentials!.clientId,
    AUTH0_CLIENT_SECRET: auth0!.clientCredentials!.clientSecret,
    DATADOG_API_URL: datadog!.baseUrl,
    DD_API_KEY: datadog!.apiKey,
    DD_APP_KEY: datadog!.appKey,
  };
}
