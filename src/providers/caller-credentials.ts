import type { IncomingHttpHeaders } from 'node:http';

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

export function callerCredentials(headers: IncomingHttpHeaders): CallerCredentials {
  const read = (name: string) => {
    const value = headers[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text && text.trim() ? text.trim() : undefined;
  };
  return {
    cruxToken: read(CALLER_CREDENTIAL_HEADERS.cruxToken),
    auth0Token: read(CALLER_CREDENTIAL_HEADERS.auth0Token),
    datadogApiKey: read(CALLER_CREDENTIAL_HEADERS.datadogApiKey),
    datadogAppKey: read(CALLER_CREDENTIAL_HEADERS.datadogAppKey),
  };
}
