import type { Auth0ClientCredentials, Auth0Config, UpstreamConfig } from '../../config/config.type';
import { Provider } from '../../model/provider';
import { Auth0TokenClient } from './auth0-token-client';

interface CachedToken {
  value: string;
  /** Epoch ms after which the token is renewed: before it expires (and at once after a 401: renew). */
  renewAt: number;
}

/**
 * The server's own Auth0 Management API token, fetched with client credentials and renewed before it
 * expires. It is the only provider state kept across requests: it belongs to orgraph's configuration,
 * not to a caller, and callers who send their own token (x-auth0-token) never touch it.
 */
export class Auth0TokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly pending = new Map<string, Promise<string>>();

  constructor(private readonly now: () => number = Date.now) {}

  async token(config: Auth0Config, upstream: UpstreamConfig): Promise<string> {
    if (config.token) return config.token;
    const credentials = config.clientCredentials;
    if (!credentials)
      throw new Error('Auth0 is configured with neither a token nor client credentials');
    const cacheKey = `${credentials.tokenUrl}\u0000${credentials.clientId}`;
    const cached = this.tokens.get(cacheKey);
    if (cached && this.now() < cached.renewAt) return cached.value;
    return this.fetchToken(cacheKey, credentials, upstream);
  }

  /**
   * After Auth0 rejected `rejected` (a 401: revoked, rotated keys): a new token, fetched once however
   * many requests saw the old one fail. A static AUTH0_TOKEN cannot be renewed: it is returned as is.
   */
  async renew(config: Auth0Config, upstream: UpstreamConfig, rejected: string): Promise<string> {
    const credentials = config.clientCredentials;
    if (!credentials) return this.token(config, upstream);
    const cacheKey = `${credentials.tokenUrl}\u0000${credentials.clientId}`;
    if (this.tokens.get(cacheKey)?.value === rejected) this.tokens.delete(cacheKey);
    return this.token(config, upstream);
  }

  private fetchToken(
    cacheKey: string,
    credentials: Auth0ClientCredentials,
    upstream: UpstreamConfig,
  ): Promise<string> {
    // Concurrent requests share one token request instead of each fetching their own.
    let pending = this.pending.get(cacheKey);
    if (!pending) {
      const origin = new URL('/', credentials.tokenUrl).toString();
      const client = new Auth0TokenClient(
        { baseURL: origin, retry: upstream, maxBodyBytes: upstream.maxBodyBytes[Provider.AUTH0] },
        credentials,
      );
      // `expires_in` counts from when Auth0 issued the token, which is after the request left and
      // maybe long before a slow answer arrived: the lifetime is counted from the request.
      const requestedAt = this.now();
      pending = client
        .requestToken()
        .then((response) => {
          const lifetimeMs = response.expires_in * 1000;
          // Renew at 90% of the lifetime, and at most a minute early for long-lived tokens.
          const margin = Math.min(Math.max(lifetimeMs * 0.1, 1000), 60_000);
          this.tokens.set(cacheKey, {
            value: response.access_token,
            renewAt: requestedAt + lifetimeMs - margin,
          });
          return response.access_token;
        })
        .finally(() => this.pending.delete(cacheKey));
      this.pending.set(cacheKey, pending);
    }
    return pending;
  }
}
