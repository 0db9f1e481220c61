import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorResponse, ProviderDialect, RateLimitWindow } from '../emulator-server';

/** Datadog's own wording where a recording or the docs show it; the HTTP reason phrase otherwise. */
const MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  429: 'Too many requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The recordings answer `application/json` without a charset. */
const JSON_HEADERS = { 'content-type': 'application/json' };

export function datadogError(status: number, message?: string): EmulatorResponse {
  return {
    status,
    body: { errors: [message ?? MESSAGES[status] ?? `Error ${status}`] },
    headers: { ...JSON_HEADERS },
  };
}

/** A 200 in Datadog's content type. */
export function datadogOk(body: unknown): EmulatorResponse {
  return { status: 200, body, headers: { ...JSON_HEADERS } };
}

/** An API key and an application key of one org. */
export interface DatadogKeys {
  apiKey: string;
  appKey: string;
}

/**
 * An org's key pair, whose application key has every permission, and `readOnly`, the same API key with
 * an application key scoped to `org_connections_read`: writes with it answer 403.
 */
export interface DatadogCredentials extends DatadogKeys {
  readOnly: DatadogKeys;
}

/** The one permission the read-only application key has (the spec's `x-permission` for the list). */
const READ_PERMISSION = 'org_connections_read';

/**
 * Both keys are required and must be one org's pair (an API key of one org with an application key of
 * another opens neither); Datadog answers a missing or wrong key with 403, not 401, and a key without
 * the permission an operation needs (`org_connections_write` for writes) with the same bare 403. The
 * emulator's rate-limit window covers every route of an org, so it carries one name.
 */
export function datadogDialect(
  tenants: ReadonlyArray<{ name: string; credentials: DatadogCredentials }>,
): ProviderDialect {
  const pairOf = (headers: IncomingHttpHeaders) => {
    const is = (keys: DatadogKeys) =>
      headers['dd-api-key'] === keys.apiKey && headers['dd-application-key'] === keys.appKey;
    for (const { name, credentials } of tenants) {
      if (is(credentials)) return { tenant: name, readOnly: false };
      if (is(credentials.readOnly)) return { tenant: name, readOnly: true };
    }
    return undefined;
  };
  return {
    name: 'datadog',
    authFailureStatus: 403,
    authenticate(headers: IncomingHttpHeaders): string | null {
      return pairOf(headers)?.tenant ?? null;
    },
    authorize(headers: IncomingHttpHeaders, permission: string): EmulatorResponse | null {
      const pair = pairOf(headers);
      return pair && (!pair.readOnly || permission === READ_PERMISSION) ? null : datadogError(403);
    },
    errorResponse: datadogError,
    // The recorded bare "Not found" (an unknown sink org) is also what the API gateway answers for a
    // path it does not serve.
    unknownRoute: () => datadogError(404),
    rateLimitHeaders(window: RateLimitWindow): Record<string, string> {
      return {
        'X-RateLimit-Limit': String(window.limit),
        'X-RateLimit-Period': String(window.periodSeconds),
        'X-RateLimit-Remaining': String(window.remaining),
        // Seconds until the reset, not an epoch time (Auth0 sends the epoch).
        'X-RateLimit-Reset': String(window.resetInSeconds),
        'X-RateLimit-Name': 'org_connections_read',
      };
    },
  };
}
