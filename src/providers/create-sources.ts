import type { Config } from '../config/config.type';
import { Provider } from '../model/provider';
import { backgroundScope } from '../upstream/background-scope';
import type { UpstreamScope } from '../upstream/upstream-scope';
import type { UpstreamServices } from '../upstream/upstream-services';
import type { ProviderSource } from './provider-source';
import { Auth0Client } from './auth0/auth0-client';
import { Auth0Source } from './auth0/auth0-source';
import type { Auth0TokenCache } from './auth0/auth0-token-cache';
import { CruxClient } from './crux/crux-client';
import { CruxSource } from './crux/crux-source';
import { DatadogClient } from './datadog/datadog-client';
import { DatadogSource } from './datadog/datadog-source';
import type { CallerCredentials } from './caller-credentials';

/** What outlives a request: the server's own Auth0 token and the upstream services (cache, budgets). */
export interface SharedProviderState {
  auth0Tokens: Auth0TokenCache;
  upstream: UpstreamServices;
}

/**
 * One source per configured provider, with fresh clients and loaders: called for every request, so no
 * loader is ever shared between requests. What is shared (cached reads, rate budgets) goes through a
 * gate keyed by the credential in use, so callers with different credentials never share an entry.
 */
export function createSources(
  config: Config,
  caller: CallerCredentials,
  shared: SharedProviderState,
  scope: UpstreamScope,
): ProviderSource[] {
  const { crux, auth0, datadog } = config.providers;
  const retry = config.upstream;
  const gate = (provider: Provider, baseUrl: string, credential: string[]) =>
    shared.upstream.gate(scope, provider, baseUrl, credential);
  const sources: ProviderSource[] = [];
  if (crux) {
    const token = caller.cruxToken ?? crux.token;
    const options = {
      baseURL: crux.baseUrl,
      retry,
      maxBodyBytes: retry.maxBodyBytes[Provider.CRUX],
      gate: gate(Provider.CRUX, crux.baseUrl, [token]),
    };
    sources.push(new CruxSource(new CruxClient(options, { token })));
  }
  if (auth0) {
    const callerToken = caller.auth0Token;
    // The server's client credentials name one identity across the tokens it gets over time.
    const credential = callerToken
      ? ['token', callerToken]
      : auth0.token
        ? ['token', auth0.token]
        : ['client', auth0.clientCredentials?.clientId ?? ''];
    const options = {
      baseURL: auth0.baseUrl,
      retry,
      maxBodyBytes: retry.maxBodyBytes[Provider.AUTH0],
      gate: gate(Provider.AUTH0, auth0.baseUrl, credential),
    };
    // The server's token is fetched outside the gate; waiting for it stays within the deadline.
    const inTime = (token: Promise<string>) =>
      (backgroundScope() ?? scope).withinDeadline(Provider.AUTH0, token);
    const client = callerToken
      ? new Auth0Client(options, () => Promise.resolve(callerToken))
      : new Auth0Client(
          options,
          () => inTime(shared.auth0Tokens.token(auth0, retry)),
          (rejected) => inTime(shared.auth0Tokens.renew(auth0, retry, rejected)),
        );
    sources.push(new Auth0Source(client));
  }
  if (datadog) {
    // callerCredentials guarantees both keys or neither.
    const keys =
      caller.datadogApiKey && caller.datadogAppKey
        ? { apiKey: caller.datadogApiKey, appKey: caller.datadogAppKey }
        : { apiKey: datadog.apiKey, appKey: datadog.appKey };
    const options = {
      baseURL: datadog.baseUrl,
      retry,
      maxBodyBytes: retry.maxBodyBytes[Provider.DATADOG],
      gate: gate(Provider.DATADOG, datadog.baseUrl, [keys.apiKey, keys.appKey]),
    };
    sources.push(new DatadogSource(new DatadogClient(options, keys)));
  }
  return sources;
}
