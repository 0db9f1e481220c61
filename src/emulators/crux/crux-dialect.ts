import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorResponse, ProviderDialect, RateLimitWindow } from '../emulator-server';

const NOT_PROVIDED = 'Authentication credentials were not provided.';

/**
 * Django's own 404 page (`django.views.defaults.page_not_found` without a 404.html template, DEBUG off):
 * a URL no route matches never reaches Django REST Framework, so it is HTML, not `{"detail": ...}`.
 */
const DJANGO_NOT_FOUND_PAGE = `
<!doctype html>
<html lang="en">
<head>
  <title>Not Found</title>
</head>
<body>
  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>
</body>
</html>
`;

/**
 * Crux's API is Django REST Framework with TokenAuthentication. Crux documents only status codes, so error
 * bodies follow DRF's defaults: `{"detail": "..."}`.
 */
const DEFAULT_DETAILS: Record<number, string> = {
  400: 'Invalid input.',
  403: 'You do not have permission to perform this action.',
  404: 'Not found.',
  405: 'Method not allowed.',
  415: 'Unsupported media type in request.',
  500: 'A server error occurred.',
  502: 'Bad gateway.',
  503: 'Service temporarily unavailable, try again later.',
  504: 'Gateway timeout.',
};

/**
 * The base server hands errorResponse() only a status, yet DRF's 401 wording depends on why the header
 * failed and its 429 on the time left in the window. The dialect therefore remembers both: the base calls
 * errorResponse synchronously right after isAuthorized / rateLimitHeaders for the same request, and each
 * emulator owns its own dialect, so the remembered value always belongs to the request being answered.
 */
export class CruxDialect implements ProviderDialect {
  readonly name = 'crux';
  readonly authFailureStatus = 401;

  private lastAuthFailure = NOT_PROVIDED;
  private windowResetsAtMs: number | null = null;

  /** @param tenantsByToken each tenant's token, mapped to the tenant's name. */
  constructor(private readonly tenantsByToken: ReadonlyMap<string, string>) {}

  authenticate(headers: IncomingHttpHeaders): string | null {
    const [keyword = '', ...credentials] = (headers.authorization ?? '').trim().split(/\s+/);
    if (keyword.toLowerCase() !== 'token') {
      this.lastAuthFailure = NOT_PROVIDED;
    } else if (credentials.length === 0) {
      this.lastAuthFailure = 'Invalid token header. No credentials provided.';
    } else if (credentials.length > 1) {
      this.lastAuthFailure = 'Invalid token header. Token string should not contain spaces.';
    } else if (!this.tenantsByToken.has(credentials[0])) {
      this.lastAuthFailure = 'Invalid token.';
    } else {
      return this.tenantsByToken.get(credentials[0])!;
    }
    return null;
  }

  errorResponse(status: number, message?: string): EmulatorResponse {
    if (status === 401) {
      // DRF names the expected scheme on every 401.
      return {
        status,
        body: { detail: message ?? this.lastAuthFailure },
        headers: { 'WWW-Authenticate': 'Token' },
      };
    }
    if (status === 429) {
      const wait = this.secondsUntilReset();
      const unit = wait === 1 ? 'second' : 'seconds';
      return {
        status,
        body: {
          detail: message ?? `Request was throttled. Expected available in ${wait} ${unit}.`,
        },
        headers: { 'Retry-After': String(wait) },
      };
    }
    return { status, body: { detail: message ?? DEFAULT_DETAILS[status] ?? 'Error.' } };
  }

  unknownRoute(): EmulatorResponse {
    return {
      status: 404,
      body: Buffer.from(DJANGO_NOT_FOUND_PAGE, 'utf8'),
      headers: { 'content-type': 'text/html; charset=utf-8' },
    };
  }

  /** Crux sends no rate-limit headers; Retry-After goes on the 429 alone (see errorResponse). */
  rateLimitHeaders(window: RateLimitWindow): Record<string, string> {
    this.windowResetsAtMs = Date.now() + window.resetInSeconds * 1000;
    return {};
  }

  /** Kept as an absolute time, so a stale window yields a short wait rather than a wrong long one. */
  private secondsUntilReset(): number {
    if (this.windowResetsAtMs === null) return 1;
    return Math.max(1, Math.ceil((this.windowResetsAtMs - Date.now()) / 1000));
  }
}
