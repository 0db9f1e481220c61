import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/error-code';

/**
 * Provider credentials a caller may send instead of the server's own, to see the providers with their
 * own rights. Only credentials travel this way: base URLs always come from configuration.
 */
export interface CallerCredentials {
  cruxToken?: string;
  auth0Token?: string;
  datadogApiKey?: string;
  datadogAppKey?: string;
}

export const CALLER_CREDENTIAL_HEADERS = {
  cruxToken: 'x-crux-token',
  auth0Token: 'x-auth0-token',
  datadogApiKey: 'x-datadog-api-key',
  datadogAppKey: 'x-datadog-application-key',
} as const;

/**
 * Reads the caller's credential headers. Datadog's two keys travel as a pair: half a pair would mix
 * the caller's key with the server's, so it is refused, before any upstream call. With HTTP 200, as the
 * GraphQL-over-HTTP spec has it for `application/json`: a router passes a 200's errors on intact,
 * where it turns a 400 into its own "400: Bad Request".
 */
export function callerCredentials(headers: IncomingHttpHeaders): CallerCredentials {
  const read = (name: string) => {
    const value = headers[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text && text.trim() ? text.trim() : undefined;
  };
  const credentials = {
    cruxToken: read(CALLER_CREDENTIAL_HEADERS.cruxToken),
    auth0Token: read(CALLER_CREDENTIAL_HEADERS.auth0Token),
    datadogApiKey: read(CALLER_CREDENTIAL_HEADERS.datadogApiKey),
    datadogAppKey: read(CALLER_CREDENTIAL_HEADERS.datadogAppKey),
  };
  if ((credentials.datadogApiKey === undefined) !== (credentials.datadogAppKey === undefined)) {
    throw new GraphQLError(
      `Send both ${CALLER_CREDENTIAL_HEADERS.datadogApiKey} and ${CALLER_CREDENTIAL_HEADERS.datadogAppKey}, or neither`,
      { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 200 } } },
    );
  }
  return credentials;
}
