import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import type { EmulatorResponse, ProviderDialect, RateLimitWindow } from '../emulator-server';
import type { Auth0ErrorBody } from './auth0-data';
import type { Auth0TokenStore } from './auth0-tokens';

export const ORGANIZATION_NOT_FOUND = 'No organization found by that id or name';

/** Auth0's wording where recordings, docs or public reports show it; the reason phrase otherwise. */
const DEFAULTS: Record<number, { message: string; errorCode?: string }> = {
  401: { message: 'Invalid token.' },
  403: { message: insufficientScopeMessage('read:organizations'), errorCode: 'insufficient_scope' },
  429: { message: 'Global limit has been reached', errorCode: 'too_many_requests' },
};

/** `{statusCode, error, message, errorCode?}`, the Management API's error shape for every status. */
export function auth0Error(status: number, message?: string, errorCode?: string): EmulatorResponse {
  const fallback = DEFAULTS[status];
  const body: Auth0ErrorBody = {
    statusCode: status,
    error: STATUS_CODES[status] ?? 'Error',
    message: message ?? fallback?.message ?? STATUS_CODES[status] ?? `Error ${status}`,
  };
  const code = errorCode ?? fallback?.errorCode;
  if (code !== undefined) body.errorCode = code;
  // Public reports of Management API 401s repeat the message under `attributes.error`.
  if (status === 401) body.attributes = { error: body.message };
  return { status, body };
}

/** A 400 for a bad query parameter, in the z-schema wording Auth0 uses. */
export function queryError(
  detail: string,
  property: string,
  description: string,
): EmulatorResponse {
  return auth0Error(
    400,
    `Query validation error: '${detail}' on property ${property} (${description}).`,
    'invalid_query_string',
  );
}

/** As public reports of Management API 403s word it: a comma, the scopes comma-joined, no period. */
function insufficientScopeMessage(scope: string): string {
  return `Insufficient scope, expected any of: ${scope}`;
}

/**
 * A 400 for a request body that fails the endpoint's JSON schema, in the z-schema wording Auth0 uses
 * (`Payload validation error: 'Additional properties not allowed: enabled' on property error_page
 * (Tenant error page customization).`, reported publicly); without a property for body-level failures.
 */
export function payloadError(
  detail: string,
  property?: { name: string; description: string },
): EmulatorResponse {
  const where = property ? ` on property ${property.name} (${property.description})` : '';
  return auth0Error(400, `Payload validation error: '${detail}'${where}.`, 'invalid_body');
}

/**
 * Each client's tokens: an issued token opens only the tenant whose client it was issued to, and allows
 * only what that client's scopes allow.
 */
export function auth0Dialect(
  clients: ReadonlyArray<{ tenant: string; tokens: Auth0TokenStore }>,
): ProviderDialect {
  const clientOf = (headers: IncomingHttpHeaders) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
    return match === null ? undefined : clients.find(({ tokens }) => tokens.isValid(match[1]));
  };
  // The dialect interface passes no window to errorResponse, but the server calls rateLimitHeaders
  // synchronously just before it for the same request. The window is forgotten at the next microtask
  // so that a later injected 429 never reuses a stale one.
  let currentWindow: RateLimitWindow | null = null;
  return {
    name: 'auth0',
    authFailureStatus: 401,
    authenticate(headers: IncomingHttpHeaders): string | null {
      return clientOf(headers)?.tenant ?? null;
    },
    authorize(headers: IncomingHttpHeaders, scope: string): EmulatorResponse | null {
      if (clientOf(headers)?.tokens.scopes.includes(scope)) return null;
      return auth0Error(403, insufficientScopeMessage(scope), 'insufficient_scope');
    },
    // hapi's own 404 for an unknown route, in the same shape: the reason phrase as the message.
    unknownRoute: () => auth0Error(404),
    errorResponse(status: number, message?: string): EmulatorResponse {
      const response = auth0Error(status, message);
      if (status === 429) {
        response.headers = {
          'retry-after': String(Math.max(1, currentWindow?.resetInSeconds ?? 1)),
        };
      }
      return response;
    },
    rateLimitHeaders(window: RateLimitWindow): Record<string, string> {
      currentWindow = window;
      queueMicrotask(() => {
        if (currentWindow === window) currentWindow = null;
      });
      return {
        'x-ratelimit-limit': String(window.limit),
        'x-ratelimit-remaining': String(window.remaining),
        // Absolute epoch seconds (Datadog sends seconds from now instead).
        'x-ratelimit-reset': String(window.resetEpochSeconds),
      };
    },
  };
}
