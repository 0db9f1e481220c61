import type { RunningEmulators } from './start-emulators';

/**
 * How to call the demo's emulators directly, with their first tenant's credentials (the ones orgraph
 * uses in demo mode). Demo values only: the emulators serve generated data on loopback.
 */
export function demoCredentials({ crux, auth0, datadog }: RunningEmulators): string {
  return (
    `emulator credentials: Crux "Authorization: Token ${crux.credentials.token}"; ` +
    `Auth0 "Authorization: Bearer ${auth0.credentials.token}", or client id ${auth0.credentials.clientId} ` +
    `and secret ${auth0.credentials.clientSecret} at ${auth0.url}/oauth/token with audience ${auth0.credentials.audience}; ` +
    `Datadog "DD-API-KEY: ${datadog.credentials.apiKey}" and "DD-APPLICATION-KEY: ${datadog.credentials.appKey}"`
  );
}
