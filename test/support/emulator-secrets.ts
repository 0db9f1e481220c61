import type { RunningEmulators } from '../../src/emulators/start-emulators';

/** Every credential the emulators know, for both tenants: none may ever appear in orgraph's output. */
export function emulatorSecrets({ crux, auth0, datadog }: RunningEmulators): string[] {
  return [
    ...[crux.firstTenant, crux.secondTenant].flatMap((t) => [
      t.credentials.token,
      t.credentials.password,
    ]),
    ...[auth0.firstTenant, auth0.secondTenant].flatMap((t) => [
      t.credentials.token,
      t.credentials.clientId,
      t.credentials.clientSecret,
    ]),
    ...[datadog.firstTenant, datadog.secondTenant].flatMap((t) => [
      t.credentials.apiKey,
      t.credentials.appKey,
    ]),
  ];
}
