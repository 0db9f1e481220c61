import type { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';

/** `POST /oauth/token` with the client-credentials grant, as a machine-to-machine app asks. */
export function requestAuth0Token(
  emulator: Auth0Emulator,
  credentials: { clientId: string; clientSecret: string },
): Promise<Response> {
  return fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
      audience: emulator.credentials.audience,
    }),
  });
}
