import type {
  Auth0Member,
  Auth0Organization,
  Auth0OrganizationConnection,
} from '../../../../src/providers/auth0/auth0.schemas';
import { getJson, type GetJson } from '../http/get-json';
import type { UpstreamEnv } from '../upstream-env';
import { auth0Listed, type Auth0Listed } from './auth0-listed';

/** Auth0's largest page. */
export const AUTH0_PAGE_SIZE = 100;
/** Offset paging reaches this many items; past them only checkpoint paging does. */
export const AUTH0_OFFSET_REACH = 1000;

/** Auth0 Management API calls, one page each; the access layer decides which pages. */
export class Auth0Api {
  private readonly headers: Record<string, string>;

  constructor(
    private readonly env: UpstreamEnv,
    private readonly get: GetJson = getJson,
  ) {
    this.headers = { authorization: `Bearer ${env.auth0Token}` };
  }

  /** An offset page of 100 organizations with the total (`include_totals`). */
  async organizationsPage(page: number): Promise<Auth0Listed<Auth0Organization>> {
    return auth0Listed(
      await this.call('/organizations', {
        page: String(page),
        per_page: String(AUTH0_PAGE_SIZE),
        include_totals: 'true',
      }),
      'organizations',
    );
  }

  /** A checkpoint page of organizations (`from`/`take`): the only way past the first 1000. */
  async organizationsFrom(from: string | undefined): Promise<Auth0Listed<Auth0Organization>> {
    const params: Record<string, string> = { take: String(AUTH0_PAGE_SIZE) };
    if (from) params.from = from;
    return auth0Listed(await this.call('/organizations', params), 'organizations');
  }

  async organization(id: string): Promise<Auth0Organization> {
    return (await this.call(`/organizations/${encodeURIComponent(id)}`)) as Auth0Organization;
  }

  /** An offset page of one organization's connections. */
  async connectionsPage(
    organizationId: string,
    page: number,
  ): Promise<Auth0Listed<Auth0OrganizationConnection>> {
    return auth0Listed(
      await this.call(`/organizations/${encodeURIComponent(organizationId)}/connections`, {
        page: String(page),
        per_page: String(AUTH0_PAGE_SIZE),
        include_totals: 'true',
      }),
      'connections',
    );
  }

  /** A checkpoint page of one organization's members, with their roles in it. */
  async membersFrom(
    organizationId: string,
    from: string | undefined,
  ): Promise<Auth0Listed<Auth0Member>> {
    const params: Record<string, string> = {
      fields: 'user_id,email,picture,name,roles',
      include_fields: 'true',
      take: String(AUTH0_PAGE_SIZE),
    };
    if (from) params.from = from;
    return auth0Listed(
      await this.call(`/organizations/${encodeURIComponent(organizationId)}/members`, params),
      'members',
    );
  }

  private call(path: string, params?: Record<string, string>): Promise<unknown> {
    const query = params ? `?${new URLSearchParams(params).toString()}` : '';
    return this.get(`${this.env.auth0Url}${path}${query}`, this.headers);
  }
}
