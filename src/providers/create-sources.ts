import type { Config } from '../config/config.type';
import type { ProviderSource } from './provider-source';
import { Auth0Client } from './auth0/auth0-client';
import { Auth0Source } from './auth0/auth0-source';
import type { Auth0TokenCache } from './auth0/auth0-token-cache';
import { CruxClient } from './crux/crux-client';
import { CruxSource } from './crux/crux-source';
import { DatadogClient } from './datadog/datadog-client';
import { DatadogSource } from './datadog/datadog-source';
import type { CallerCredentials } from './caller-credentials';

/** What outlives a request: only the server's own Auth0 token, which is not any caller's data. */
export interface SharedProviderState {
  auth0Tokens: Auth0TokenCache;
}

/**
 * One source per configured provider, with fresh clients and loaders: called for every request, so no
 * loader or response cache is ever shared between requests or between callers' credentials.
 */
export function createSources(
  config: Config,
  caller: CallerCredentials,
  shared: SharedProviderState,
): ProviderSource[] {
  const { crux, auth0, datadog } = config.providers;
  const retry = config.upstream;
  const sources: ProviderSource[] = [];
  if (crux) {
    const token = caller.cruxToken ?? crux.token;
    sources.push(new CruxSource(new CruxClient({ baseURL: crux.baseUrl, retry }, { token })));
  }
  if (auth0) {
    const callerToken = caller.auth0Token;
    const token = callerToken
      ? () => Promise.resolve(callerToken)
      : () => shared.auth0Tokens.token(auth0, retry);
    sources.push(new Auth0Source(new Auth0Client({ baseURL: auth0.baseUrl, retry }, token)));
  }
  if (datadog) {
    // callerCredentials guarantees both keys or neither.
    const keys =
      caller.datadogApiKey && caller.datadogAppKey
        ? { apiKey: caller.datadogApiKey, appKey: caller.datadogAppKey }
        : { apiKey: datadog.apiKey, appKey: datadog.appKey };
    sources.push(new DatadogSource(new DatadogClient({ baseURL: datadog.baseUrl, retry }, keys)));
  }
  return sources;
}
