import { EmulatorServer, type Route } from '../emulator-server';
import {
  FIRST_TENANT,
  SECOND_TENANT,
  secondTenantSeed,
  type EmulatorTenant,
  type TenantName,
} from '../tenant';
import { tenantRoutes } from '../tenant-routes';
import { connectionRoutes } from './auth0-connection-routes';
import { connectionWriteRoutes } from './auth0-connection-write-routes';
import type { Auth0Data } from './auth0-data';
import { auth0Dialect } from './auth0-dialect';
import { Auth0Lookup } from './auth0-lookup';
import { memberRoutes } from './auth0-member-routes';
import { memberWriteRoutes } from './auth0-member-write-routes';
import { organizationRoutes } from './auth0-organization-routes';
import { roleRoutes } from './auth0-role-routes';
import { AUTH0_READ_SCOPES, AUTH0_WRITE_SCOPES } from './auth0-scopes';
import { seedAuth0 } from './auth0-seed';
import { tokenRoutes, type Auth0Client } from './auth0-token-routes';
import { Auth0TokenStore } from './auth0-tokens';

export interface Auth0EmulatorOptions {
  seed?: number;
  size?: number;
  /** The first tenant's static Management API token, which never expires. */
  token?: string;
  /** The first tenant's machine-to-machine client. */
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of tokens issued by `POST /oauth/token`. */
  tokenTtlSeconds?: number;
  /** Clock for token expiry, in epoch milliseconds; tests move it instead of sleeping. */
  now?: () => number;
}

/** A machine-to-machine client: its id and secret, and a static token with the same scopes. */
export interface Auth0ClientCredentials {
  token: string;
  clientId: string;
  clientSecret: string;
}

/**
 * A tenant's default client, whose tokens carry the read and the write scopes, and `readOnly`, a
 * second client whose tokens carry the read scopes only (writes with it answer 403 insufficient_scope).
 */
export interface Auth0Credentials extends Auth0ClientCredentials {
  readOnly: Auth0ClientCredentials;
  /** `${url}/api/v2/`: throws before `start`, since it holds the port. */
  readonly audience: string;
}

export type Auth0Tenant = EmulatorTenant<Auth0Credentials, Auth0Data>;

const SECOND_TENANT_CLIENT: Auth0ClientCredentials = {
  token: 'auth0-second-token',
  clientId: 'orgraph-second-client',
  clientSecret: 'orgraph-second-secret',
};

/** Each tenant's read-only client, named after its tenant. */
function readOnlyClient(tenant: TenantName): Auth0ClientCredentials {
  const name = tenant === FIRST_TENANT ? 'demo' : 'second';
  return {
    token: `auth0-${name}-readonly-token`,
    clientId: `orgraph-${name}-readonly-client`,
    clientSecret: `orgraph-${name}-readonly-secret`,
  };
}

/**
 * The Auth0 Management API v2 (organizations, their connections, members and roles) on loopback, for
 * two tenants behind one URL: the bearer token, static or issued to a tenant's client, picks the tenant,
 * and its client's scopes say whether it may write. `data` is live: writes change it, reads serve it.
 * `POST /__emulator/revoke-tokens` revokes every issued token, as `revokeTokens()` does.
 */
export class Auth0Emulator extends EmulatorServer {
  /** The first tenant's data and credentials, as before there were two. */
  readonly data: Auth0Data;
  readonly credentials: Auth0Credentials;
  readonly firstTenant: Auth0Tenant;
  readonly secondTenant: Auth0Tenant;
  private readonly clients: readonly Auth0Client[];

  constructor(options: Auth0EmulatorOptions = {}) {
    const seeded = { seed: options.seed ?? 42, size: options.size ?? 12 };
    // `this` is not usable before super(), so the audience reads the URL through a holder.
    const self: { emulator?: Auth0Emulator } = {};
    const audience = () => `${self.emulator!.url}/api/v2/`;
    const tenant = (
      name: TenantName,
      data: Auth0Data,
      client: Auth0ClientCredentials,
    ): Auth0Tenant => ({
      name,
      data,
      credentials: {
        ...client,
        readOnly: readOnlyClient(name),
        get audience() {
          return audience();
        },
      },
    });
    const tenants = [
      tenant(FIRST_TENANT, seedAuth0(seeded), {
        token: options.token ?? 'auth0-demo-token',
        clientId: options.clientId ?? 'orgraph-demo-client',
        clientSecret: options.clientSecret ?? 'orgraph-demo-secret',
      }),
      tenant(SECOND_TENANT, seedAuth0(secondTenantSeed(seeded)), SECOND_TENANT_CLIENT),
    ] as const;
    const ttl = options.tokenTtlSeconds ?? 86_400;
    const client = (
      name: TenantName,
      credentials: Auth0ClientCredentials,
      scopes: readonly string[],
    ): Auth0Client => ({
      tenant: name,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      tokens: new Auth0TokenStore(credentials.token, scopes, ttl, options.now),
    });
    const clients = tenants.flatMap(({ name, credentials }) => [
      client(name, credentials, [...AUTH0_READ_SCOPES, ...AUTH0_WRITE_SCOPES]),
      client(name, credentials.readOnly, AUTH0_READ_SCOPES),
    ]);
    super(auth0Dialect(clients), [
      ...tokenRoutes(clients, audience),
      ...tenantRoutes(new Map(tenants.map((t) => [t.name, managementRoutes(t.data)]))),
    ]);
    self.emulator = this;
    [this.firstTenant, this.secondTenant] = tenants;
    this.data = this.firstTenant.data;
    this.credentials = this.firstTenant.credentials;
    this.clients = clients;
    this.addAdminEndpoint({
      method: 'POST',
      path: '/revoke-tokens',
      handler: () => {
        this.revokeTokens();
        return { status: 204 };
      },
    });
  }

  /**
   * Every token `POST /oauth/token` has issued so far, to either tenant, answers 401 from now on; new
   * grants work. Static tokens stay valid, and `reset()` does not bring revoked tokens back.
   */
  revokeTokens(): void {
    for (const client of this.clients) client.tokens.revokeIssued();
  }
}

/** The Management API routes over one tenant's data; the writes change that data in place. */
function managementRoutes(data: Auth0Data): Route[] {
  const lookup = new Auth0Lookup(data);
  return [
    ...organizationRoutes(lookup),
    ...connectionRoutes(lookup),
    ...connectionWriteRoutes(lookup),
    ...memberRoutes(lookup),
    ...memberWriteRoutes(lookup),
    ...roleRoutes(data),
  ];
}
