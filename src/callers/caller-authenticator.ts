import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from 'pino';
import type { CallersConfig } from '../config/callers-config.type';
import { UnauthenticatedError } from '../errors/unauthenticated-error';
import { ApiKeyCallers } from './api-key-callers';
import type { Caller } from './caller.type';
import { JwtCallers, type JwtRefusal } from './jwt-callers';

/** The header an API key travels in (GraphiQL: the headers pane). */
export const API_KEY_HEADER = 'x-api-key';

const REALM = 'realm="orgraph"';

const REFUSALS: Record<JwtRefusal, string> = {
  expired: 'The bearer token has expired',
  invalid: 'The bearer token is not valid for orgraph',
  unverifiable:
    'Bearer tokens cannot be verified right now (the key set is unreachable); retry later',
};

/** Who is calling, from a request's headers: undefined when caller authentication is off. */
export type CallerAuthenticator = (headers: IncomingHttpHeaders) => Promise<Caller | undefined>;

/**
 * Authenticates callers when configuration names API keys or a JWKS, and otherwise lets everyone
 * through. A request with no valid credential is refused with UNAUTHENTICATED (HTTP 401 and a
 * `WWW-Authenticate` challenge); messages and logs never hold the credential.
 */
export function createCallerAuthenticator(
  config: CallersConfig,
  logger: Logger,
): CallerAuthenticator {
  const apiKeys = config.apiKeys.length > 0 ? new ApiKeyCallers(config.apiKeys) : undefined;
  const jwt = config.jwt ? new JwtCallers(config.jwt) : undefined;
  if (!apiKeys && !jwt) return () => Promise.resolve(undefined);
  const methods = [
    apiKeys && `${config.apiKeys.length} API keys (${API_KEY_HEADER})`,
    jwt && 'bearer JWTs',
  ];
  logger.info(`caller authentication on: ${methods.filter(Boolean).join(', ')}`);

  const challenges = (invalidToken = false) =>
    [
      jwt && `Bearer ${REALM}${invalidToken ? ', error="invalid_token"' : ''}`,
      apiKeys && `ApiKey ${REALM}, header="${API_KEY_HEADER}"`,
    ].filter((c): c is string => Boolean(c));
  const refuse = (reason: string, message: string, invalidToken = false, status = 401) => {
    logger.info({ reason }, 'caller refused');
    return new UnauthenticatedError(message, challenges(invalidToken), status);
  };
  const accepted = [apiKeys && `an ${API_KEY_HEADER} header`, jwt && 'Authorization: Bearer <JWT>']
    .filter(Boolean)
    .join(' or ');

  return async (headers) => {
    const key = apiKeys ? single(headers[API_KEY_HEADER]) : undefined;
    // Authorization is read only when JWTs are on: a proxy's own Basic auth stays its business.
    const authorization = jwt ? single(headers.authorization) : undefined;
    if (key !== undefined && authorization !== undefined) {
      throw refuse('two credentials', `Send one credential, ${accepted}, not both`);
    }
    if (key !== undefined) {
      const caller = apiKeys!.find(key);
      if (!caller) throw refuse('unknown API key', 'The API key is not valid');
      return caller;
    }
    if (authorization !== undefined) {
      const token = /^Bearer +(\S+)$/i.exec(authorization)?.[1];
      if (!token) throw refuse('not a bearer token', 'Authorization must be "Bearer <JWT>"', true);
      const outcome = await jwt!.verify(token);
      if ('caller' in outcome) return outcome.caller;
      const unavailable = outcome.refused === 'unverifiable';
      throw refuse(
        `jwt ${outcome.refused}: ${outcome.reason}`,
        REFUSALS[outcome.refused],
        !unavailable,
        unavailable ? 503 : 401,
      );
    }
    throw refuse('no credential', `Authentication required: send ${accepted}`);
  };
}

/** A header's value, trimmed; undefined when absent or blank. */
function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.trim() ? text.trim() : undefined;
}
