import type { Organization } from '../../../../src/graph/organization/organization.type';
import type { User } from '../../../../src/graph/user/user.type';
import { Provider } from '../../../../src/model/provider';
import type { Auth0Member } from '../../../../src/providers/auth0/auth0.schemas';
import { isOrganizationId, splitMembershipKey } from '../../../../src/providers/auth0/auth0-keys';
import { mapMember } from '../../../../src/providers/auth0/auth0-mapper';
import { AUTH0_PAGE_SIZE, type Auth0Api } from '../api/auth0-api';
import { orNullOn404 } from '../http/get-json';
import { linkAuth0Connection } from '../model/auth0-linked';
import type { LinkedConnection } from '../model/links';
import { Auth0Organizations } from './auth0-organizations';
import { auth0Pages } from './auth0-pages';
import { wholeListPart, type ProviderAccess } from './provider-access';
import type { Strategy } from './strategy';

/**
 * Auth0: organizations by pages or by id (Auth0Organizations); connections and members per
 * organization, one call each; users are the members of every organization, in organization order.
 */
export class Auth0Access implements ProviderAccess {
  readonly provider = Provider.AUTH0;
  readonly organizations: Auth0Organizations;
  readonly connections = wholeListPart(() => this.allConnections());
  readonly users = wholeListPart(() => this.allUsers());

  constructor(
    private readonly api: Auth0Api,
    private readonly strategy: Strategy,
  ) {
    this.organizations = new Auth0Organizations(api, strategy);
  }

  organizationsByKey(keys: readonly string[]): Promise<Array<Organization | null>> {
    return this.organizations.byKey(keys);
  }

  connectionsByKey(keys: readonly string[]): Promise<Array<LinkedConnection | null>> {
    return Promise.all(
      keys.map(async (key) => {
        const membership = splitMembershipKey(key);
        if (!membership) return null;
        const all = await this.connectionsOf(membership.organizationId);
        return all.find((c) => c.key === key) ?? null;
      }),
    );
  }

  async user(key: string): Promise<User | null> {
    const membership = splitMembershipKey(key);
    if (!membership) return null;
    return (await this.members(membership.organizationId)).find((u) => u.key === key) ?? null;
  }

  /** Every connection of the organization, all offset pages (a 404: none). */
  connectionsOf(organizationId: string): Promise<LinkedConnection[]> {
    return this.strategy.once(`auth0:connections:${organizationId}`, async () => {
      if (!isOrganizationId(organizationId)) return [];
      const items = await orNullOn404(
        auth0Pages((page) => this.api.connectionsPage(organizationId, page)),
      );
      return (items ?? []).map((item) => linkAuth0Connection(organizationId, item));
    });
  }

  async usersWithPermission(permissionKey: string): Promise<User[]> {
    return (await this.allUsers()).filter((u) =>
      u.permissionAssignments.some((a) => a.permission.key === permissionKey),
    );
  }

  private members(organizationId: string): Promise<User[]> {
    return this.strategy.once(`auth0:members:${organizationId}`, async () => {
      if (!isOrganizationId(organizationId)) return [];
      const all = await orNullOn404(this.memberPages(organizationId));
      return (all ?? []).map((member) => mapMember(organizationId, member));
    });
  }

  /** Checkpoint pages chain: each needs the previous one's cursor. */
  private async memberPages(organizationId: string): Promise<Auth0Member[]> {
    const all: Auth0Member[] = [];
    for (let from: string | undefined; ;) {
      const listed = await this.api.membersFrom(organizationId, from);
      all.push(...listed.items);
      if (!listed.next || listed.items.length < AUTH0_PAGE_SIZE) return all;
      from = listed.next;
    }
  }

  /** Members of every organization, in organization order. */
  private allUsers(): Promise<User[]> {
    return this.strategy.once('auth0:users', async () => {
      const orgs = await this.organizations.list();
      return (await Promise.all(orgs.map((o) => this.members(o.key)))).flat();
    });
  }

  private allConnections(): Promise<LinkedConnection[]> {
    return this.strategy.once('auth0:all-connections', async () => {
      const orgs = await this.organizations.list();
      return (await Promise.all(orgs.map((o) => this.connectionsOf(o.key)))).flat();
    });
  }
}
