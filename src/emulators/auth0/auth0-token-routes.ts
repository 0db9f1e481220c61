import type { EmulatorRequest, EmulatorResponse, Route } from '../emulator-server';
import type { Auth0TokenResponse } from './auth0-data';
import type { Auth0TokenStore } from './auth0-tokens';

/**
 * A tenant's machine-to-machine application: its credentials, and the store its tokens go to (which
 * knows their scopes).
 */
export interface Auth0Client {
  tenant: string;
  clientId: string;
  clientSecret: string;
  tokens: Auth0TokenStore;
}

/**
 * `POST /oauth/token` with the client-credentials grant, answering in OAuth's error shape. The client id
 * picks the tenant, whose store then holds the token. `audience` is evaluated per request: it holds the
 * port, known only once the server listens (both tenants sit behind the one emulator URL).
 */
export function tokenRoutes(clients: readonly Auth0Client[], audience: () => string): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/oauth/token',
      authenticated: false,
      handler: (request) => issueToken(clients, audience, request),
    },
  ];
}

function issueToken(
  clients: readonly Auth0Client[],
  audience: () => string,
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
  const client = clients.find((c) => c.clientId === clientId);
  if (!client || field('client_secret') !== client.clientSecret) {
    return oauthError(401, 'access_denied', 'Unauthorized');
  }
  const requested = field('audience');
  if (requested === undefined) {
    return oauthError(
      403,
      'access_denied',
      'No audience parameter was provided, and no default audience has been configured',
    );
  }
  if (requested !== audience()) {
    return oauthError(403, 'access_denied', `Service not found: ${requested}`);
  }
  const { token, expiresIn } = client.tokens.issue();
  const response: Auth0TokenResponse = {
    access_token: token,
    expires_in: expiresIn,
    token_type: 'Bearer',
    scope: client.tokens.scopes.join(' '),
  };
  return {
    status: 200,
    body: response,
    headers: { 'cache-control': 'no-store' },
    tenant: client.tenant,
  };
}

function oauthError(status: number, error: string, description: string): EmulatorResponse {
  return { status, body: { error, error_description: description } };
}
