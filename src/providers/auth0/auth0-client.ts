import type { AugmentedRequest } from '@apollo/datasource-rest';
import type { ZodType } from 'zod';
import { Provider } from '../../model/provider';
import { MAX_LISTING_PAGES, pagingCapReached } from '../http/paging-cap';
import { ProviderDataSource, type ProviderDataSourceOptions } from '../http/provider-data-source';
import {
  auth0OrganizationConnectionSchema,
  auth0OrganizationSchema,
  auth0RoleSchema,
  enabledConnectionsPageSchema,
  membersCheckpointPageSchema,
  organizationConnectionsPageSchema,
  organizationsCheckpointPageSchema,
  organizationsOffsetPageSchema,
  rolesOffsetPageSchema,
  type Auth0Member,
  type Auth0Organization,
  type Auth0OrganizationConnection,
  type Auth0Role,
  type CheckpointPage,
  type OffsetPage,
} from './auth0.schemas';
import { AUTH0_CACHE_TAGS } from './auth0-cache-tags';
import type { Auth0ConnectionSettings } from './auth0-connection-settings';
import { auth0ErrorMessage } from './auth0-error-message';
import { auth0RateWindow, auth0ResetDelay } from './auth0-rate-limit';
import { AUTH0_ROUTES } from './auth0-routes';

/** The request again with a renewed bearer token; undefined when it carried none. */
async function withRenewedToken(
  init: RequestInit,
  renewToken: (rejected: string) => Promise<string>,
): Promise<RequestInit | undefined> {
  const headers = { ...(init.headers as Record<string, string> | undefined) };
  const rejected = /^Bearer\s+(\S+)$/i.exec(headers['authorization'] ?? '')?.[1];
  if (!rejected) return undefined;
  headers['authorization'] = `Bearer ${await renewToken(rejected)}`;
  return { ...init, headers };
}

/** Auth0's largest page. */
export const PAGE_SIZE = 100;
/** Offset paging reaches this many items; past them only checkpoint paging does. */
export const OFFSET_PAGING_REACH = 1000;

/** Auth0 Management API v2: organizations, their connections, members and member roles. */
export class Auth0Client extends ProviderDataSource {
  protected readonly provider = Provider.AUTH0;

  /**
   * `renewToken`, for the server's own client-credentials token: after a 401 it gets a new token (once
   * for all requests that saw the old one fail) and the call is tried once more with it.
   */
  constructor(
    options: ProviderDataSourceOptions,
    private readonly token: () => Promise<string>,
    renewToken?: (rejected: string) => Promise<string>,
  ) {
    super(options, {
      resetDelay: auth0ResetDelay,
      readRateWindow: auth0RateWindow,
      routes: AUTH0_ROUTES,
      cacheTags: AUTH0_CACHE_TAGS,
      renewAfterUnauthorized: renewToken && ((init) => withRenewedToken(init, renewToken)),
    });
  }

  protected override async willSendRequest(
    _path: string,
    request: AugmentedRequest,
  ): Promise<void> {
    request.headers['authorization'] = `Bearer ${await this.token()}`;
    request.headers['accept'] = 'application/json';
  }

  protected override providerMessageOf(body: unknown): string | undefined {
    return auth0ErrorMessage(body);
  }

  /**
   * `POST /organizations/{id}/connections` (201): enables a tenant connection for the organization.
   * The newer endpoint, as the reads use: unlike the legacy `/enabled_connections`, it takes the
   * access level and `is_enabled` too.
   */
  addOrganizationConnection(
    organizationId: string,
    connectionId: string,
    settings: Auth0ConnectionSettings,
  ): Promise<Auth0OrganizationConnection> {
    return this.sendWrite(
      'POST',
      `${organizationPath(organizationId)}/connections`,
      auth0OrganizationConnectionSchema,
      { connection_id: connectionId, ...settings },
    );
  }

  /** `PATCH /organizations/{id}/connections/{connection_id}`: the connection as it now is. */
  updateOrganizationConnection(
    organizationId: string,
    connectionId: string,
    settings: Auth0ConnectionSettings,
  ): Promise<Auth0OrganizationConnection> {
    return this.sendWrite(
      'PATCH',
      organizationConnectionPath(organizationId, connectionId),
      auth0OrganizationConnectionSchema,
      settings,
    );
  }

  /** `DELETE /organizations/{id}/connections/{connection_id}` (204). */
  removeOrganizationConnection(organizationId: string, connectionId: string): Promise<void> {
    return this.sendWrite('DELETE', organizationConnectionPath(organizationId, connectionId), null);
  }

  /** `POST /organizations/{id}/members` (204): existing users become members. */
  addMembers(organizationId: string, userIds: string[]): Promise<void> {
    return this.sendWrite('POST', `${organizationPath(organizationId)}/members`, null, {
      members: userIds,
    });
  }

  /** `DELETE /organizations/{id}/members` (204). */
  removeMembers(organizationId: string, userIds: string[]): Promise<void> {
    return this.sendWrite('DELETE', `${organizationPath(organizationId)}/members`, null, {
      members: userIds,
    });
  }

  /** `POST /organizations/{id}/members/{user_id}/roles` (204). */
  addMemberRoles(organizationId: string, userId: string, roleIds: string[]): Promise<void> {
    return this.sendWrite('POST', memberRolesPath(organizationId, userId), null, {
      roles: roleIds,
    });
  }

  /** `DELETE /organizations/{id}/members/{user_id}/roles` (204). */
  removeMemberRoles(organizationId: string, userId: string, roleIds: string[]): Promise<void> {
    return this.sendWrite('DELETE', memberRolesPath(organizationId, userId), null, {
      roles: roleIds,
    });
  }

  /** Every organization, with checkpoint paging (`from`/`take`), which has no 1000-item ceiling. */
  organizations(): Promise<Auth0Organization[]> {
    return this.allCheckpointPages(
      'organizations',
      'organizations',
      organizationsCheckpointPageSchema,
    );
  }

  /**
   * One page of organizations with the total (`page`/`per_page` with `include_totals`): a page and the
   * count in one call. Auth0 serves offset pages only within the first 1000 organizations.
   */
  organizationsPage(
    page: number,
    perPage: number = PAGE_SIZE,
  ): Promise<OffsetPage<Auth0Organization>> {
    return this.getValidated('organizations', organizationsOffsetPageSchema, {
      params: { page: String(page), per_page: String(perPage), include_totals: 'true' },
    });
  }

  organization(id: string): Promise<Auth0Organization> {
    return this.getValidated(`organizations/${encodeURIComponent(id)}`, auth0OrganizationSchema);
  }

  /** `GET /organizations/{id}/connections`: every connection of the organization, all pages. */
  organizationConnections(
    organizationId: string,
    filter: { isEnabled?: boolean } = {},
  ): Promise<Auth0OrganizationConnection[]> {
    const extra: Record<string, string> =
      filter.isEnabled === undefined ? {} : { is_enabled: String(filter.isEnabled) };
    return this.allOffsetPages(
      `organizations/${encodeURIComponent(organizationId)}/connections`,
      'connections',
      organizationConnectionsPageSchema,
      extra,
    );
  }

  /** `GET /organizations/{id}/enabled_connections`: the older endpoint, without access levels. */
  enabledConnections(organizationId: string): Promise<Auth0OrganizationConnection[]> {
    return this.allOffsetPages(
      `organizations/${encodeURIComponent(organizationId)}/enabled_connections`,
      'enabled_connections',
      enabledConnectionsPageSchema,
    );
  }

  /** Every member of an organization, with their roles in it (`fields=...,roles`): one call per page. */
  members(organizationId: string): Promise<Auth0Member[]> {
    return this.allCheckpointPages(
      `organizations/${encodeURIComponent(organizationId)}/members`,
      'members',
      membersCheckpointPageSchema,
      { fields: 'user_id,email,picture,name,roles', include_fields: 'true' },
    );
  }

  /** The tenant's roles (`read:roles`), all pages. */
  roles(): Promise<Auth0Role[]> {
    return this.allOffsetPages('roles', 'roles', rolesOffsetPageSchema);
  }

  role(id: string): Promise<Auth0Role> {
    return this.getValidated(`roles/${encodeURIComponent(id)}`, auth0RoleSchema);
  }

  /** A member's roles in an organization, with their descriptions. */
  memberRoles(organizationId: string, userId: string): Promise<Auth0Role[]> {
    return this.allOffsetPages(
      `organizations/${encodeURIComponent(organizationId)}/members/${encodeURIComponent(userId)}/roles`,
      'roles',
      rolesOffsetPageSchema,
    );
  }

  /** Follows `from`/`take` cursors: checkpoint paging has no 1000-item ceiling. */
  private async allCheckpointPages<T>(
    path: string,
    key: string,
    pageSchema: ZodType<CheckpointPage<T>>,
    extra: Record<string, string> = {},
  ): Promise<T[]> {
    const all: T[] = [];
    let from: string | undefined;
    for (let page = 0; page < MAX_LISTING_PAGES; page += 1) {
      const params: Record<string, string> = { ...extra, take: String(PAGE_SIZE) };
      if (from) params.from = from;
      const result = await this.getValidated(path, pageSchema, { params });
      for (const one of result.items) all.push(one);
      // A short page is the last: Auth0 still sends `next` there, and following it costs a call that
      // answers an empty page.
      if (!result.next || result.items.length < PAGE_SIZE) return all;
      from = result.next;
    }
    throw pagingCapReached(this.provider, key);
  }

  /**
   * Follows `page`/`per_page` until `total` is reached. Auth0's `limit` in the envelope is not the page
   * size (a recording shows it equal to the item count), so it is never used.
   */
  private async allOffsetPages<T>(
    path: string,
    key: string,
    pageSchema: ZodType<OffsetPage<T>>,
    extra: Record<string, string> = {},
  ): Promise<T[]> {
    const all: T[] = [];
    for (let page = 0; page < MAX_LISTING_PAGES; page += 1) {
      const result = await this.getValidated(path, pageSchema, {
        params: {
          ...extra,
          page: String(page),
          per_page: String(PAGE_SIZE),
          include_totals: 'true',
        },
      });
      for (const one of result.items) all.push(one);
      const total = result.total ?? all.length;
      if (result.items.length < PAGE_SIZE || all.length >= total) return all;
    }
    throw pagingCapReached(this.provider, key);
  }
}

function organizationPath(organizationId: string): string {
  return `organizations/${encodeURIComponent(organizationId)}`;
}

function organizationConnectionPath(organizationId: string, connectionId: string): string {
  return `${organizationPath(organizationId)}/connections/${encodeURIComponent(connectionId)}`;
}

function memberRolesPath(organizationId: string, userId: string): string {
  return `${organizationPath(organizationId)}/members/${encodeURIComponent(userId)}/roles`;
}
