import { AUTH0_READ_SCOPES, AUTH0_WRITE_SCOPES } from './auth0/auth0-scopes';
import type { RunningEmulators } from './start-emulators';

/**
 * What `npm run emulators` prints: each emulator's URL, and the variables that point orgraph (or an
 * official SDK) at it, for both tenants. Demo credentials only: the emulators serve generated data on
 * loopback, so printing them leaks nothing; configured providers' secrets never pass through here.
 */
export function emulatorsBanner({ crux, auth0, datadog }: RunningEmulators): string {
  const first = auth0.firstTenant.credentials;
  const second = auth0.secondTenant.credentials;
  return `Crux Connect emulator: ${crux.url}
  CRUX_API_URL=${crux.url} CRUX_API_TOKEN=${crux.credentials.token}
Auth0 emulator: ${auth0.url}
  AUTH0_API_URL=${auth0.url}/api/v2 AUTH0_AUDIENCE=${first.audience} AUTH0_CLIENT_ID=${first.clientId} AUTH0_CLIENT_SECRET=${first.clientSecret}
  or, instead of the client: AUTH0_TOKEN=${first.token}
  ${auth0.url}/oauth/token grants the client tokens for that audience with scope: ${AUTH0_READ_SCOPES.join(' ')} ${AUTH0_WRITE_SCOPES.join(' ')}
  read-only client (read scopes only, writes answer 403): AUTH0_CLIENT_ID=${first.readOnly.clientId} AUTH0_CLIENT_SECRET=${first.readOnly.clientSecret} or AUTH0_TOKEN=${first.readOnly.token}
Datadog emulator: ${datadog.url}
  DATADOG_API_URL=${datadog.url} DD_API_KEY=${datadog.credentials.apiKey} DD_APP_KEY=${datadog.credentials.appKey}
  read-only application key (org_connections_read only, writes answer 403): DD_APP_KEY=${datadog.credentials.readOnly.appKey}
Second tenant (other credentials, other data): CRUX_API_TOKEN=${crux.secondTenant.credentials.token}
  AUTH0_CLIENT_ID=${second.clientId} AUTH0_CLIENT_SECRET=${second.clientSecret} or AUTH0_TOKEN=${second.token} (same audience)
  read-only: AUTH0_CLIENT_ID=${second.readOnly.clientId} AUTH0_CLIENT_SECRET=${second.readOnly.clientSecret} or AUTH0_TOKEN=${second.readOnly.token}
  DD_API_KEY=${datadog.secondTenant.credentials.apiKey} DD_APP_KEY=${datadog.secondTenant.credentials.appKey} (read-only: DD_APP_KEY=${datadog.secondTenant.credentials.readOnly.appKey})
Knobs and counters: GET <url>/__emulator/counters, PUT <url>/__emulator/knobs, POST <url>/__emulator/reset
  (Auth0 also POST <url>/__emulator/revoke-tokens)
Ctrl-C stops them.`;
}
