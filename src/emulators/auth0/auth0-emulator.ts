import { EmulatorServer } from '../emulator-server';
import { connectionRoutes } from './auth0-connection-routes';
import type { Auth0Data } from './auth0-data';
import { auth0Dialect } from './auth0-dialect';
import { Auth0Lookup } from './auth0-lookup';
import { memberRoutes } from './auth0-member-routes';
import { organizationRoutes } from './auth0-organization-routes';
import { roleRoutes } from './auth0-role-routes';
import { seedAuth0 } from './auth0-seed';
import { tokenRoutes } from './auth0-token-routes';
import { Auth0TokenStore } from './auth0-tokens';

export interface Auth0EmulatorOptions {
  seed?: number;
  size?: number;
  /** A static Management API token that never expires. */
  token?: string;
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of tokens issued by `POST /oauth/token`. */
  tokenTtlSeconds?: number;
  /** Clock for token expiry, in epoch milliseconds; tests move it instead of sleeping. */
  now?: () => number;
}

export interface Auth0Credentials {
  token: string;
  clientId: string;
  clientSecret: string;
  /** `${url}/api/v2/`: throws before `start`, since it holds the port. */
  readonly audience: string;
}

/** The Auth0 Management API v2 (organizations, their connections, members and roles) on loopback. */
export class Auth0Emulator extends EmulatorServer {
  readonly data: Auth0Data;
  readonly credentials: Auth0Credentials;

  constructor(options: Auth0EmulatorOptions = {}) {
    const data = seedAuth0({ seed: options.seed ?? 42, size: options.size ?? 12 });
    const token = options.token ?? 'auth0-demo-token';
    const tokens = new Auth0TokenStore(token, options.tokenTtlSeconds ?? 86_400, options.now);
    const lookup = new Auth0Lookup(data);
    // `this` is not usable before super(), so the token route reads the audience through a holder.
    const self: { emulator?: Auth0Emulator } = {};
    const client = {
      clientId: options.clientId ?? 'orgraph-demo-client',
      clientSecret: options.clientSecret ?? 'orgraph-demo-secret',
      audience: () => self.emulator!.credentials.audience,
    };
    super(auth0Dialect(tokens), [
      ...tokenRoutes(tokens, client),
      ...organizationRoutes(lookup),
      ...connectionRoutes(lookup),
      ...memberRoutes(lookup),
      ...roleRoutes(data),
    ]);
    self.emulator = this;
    this.data = data;
    const url = () => this.url;
    this.credentials = {
      token,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      get audience() {
        return `${url()}/api/v2/`;
      },
    };
  }
}
