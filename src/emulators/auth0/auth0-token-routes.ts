import type { EmulatorRequest, EmulatorResponse, Route } from '../emulator-server';
import type { Auth0TokenResponse } from './auth0-data';
import type { Auth0TokenStore } from './auth0-tokens';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Evaluated per request: the audience holds the port, known only once the server listens. */
  audience: () => string;
}

/** What an issued Management API token may do: read everything the emulator serves. */
const SCOPE = [
  'read:organizations',
  'read:organization_connections',
  'read:organization_members',
  'read:organization_member_roles',
].join(' ');

/** `POST /oauth/token` with the client-credentials grant, answering in OAuth's error shape. */
export function tokenRoutes(tokens: Auth0TokenStore, client: ClientCredentials): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/oauth/token',
      authenticated: false,
      handler: (request) => issueToken(tokens, client, request),
    },
  ];
}

function issueToken(
  tokens: Auth0TokenStore,
  client: ClientCredentials,
  request: EmulatorRequest,
): EmulatorResponse {
  const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
  const field = (name: string): string | undefined => {
    const value = (body as Record<string, unknown>)[name];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  };
  const grantType = field('grant_type');
  if (grantType === undefined) {
    return oauthError(400, 'invalid_request', 'Missing required parameter: grant_type');
  }
  if (grantType !== 'client_credentials') {
    return oauthError(403, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
  }
  const clientId = field('client_id');
  if (clientId === undefined) {
    return oauthError(400, 'invalid_request', 'Missing required parameter: client_id');
  }
  if (clientId !== client.clientId || field('client_secret') !== client.clientSecret) {
    return oauthError(401, 'access_denied', 'Unauthorized');
  }
  const audience = field('audience');
  if (audience === undefined) {
    return oauthError(
      403,
      'access_denied',
      'No audience parameter was provided, and no default audience has been configured',
    );
  }
  if (audience !== client.audience()) {
    return oauthError(403, 'access_denied', `Service not found: ${audience}`);
  }
  const { token, expiresIn } = tokens.issue();
  const response: Auth0TokenResponse = {
    access_token: token,
    expires_in: expiresIn,
    token_type: 'Bearer',
    scope: SCOPE,
  };
  return { status: 200, body: response, headers: { 'cache-control': 'no-store' } };
}

function oauthError(status: number, error: string, description: string): EmulatorResponse {
  return { status, body: { error, error_description: description } };
}
