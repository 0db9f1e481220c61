import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../errors/error-code';
import type { Connection } from '../../graph/connection/connection.type';
import type { Organization } from '../../graph/organization/organization.type';
import type { Permission } from '../../graph/permission/permission.type';
import type { User } from '../../graph/user/user.type';
import { once } from '../../loaders/once';
import { Provider } from '../../model/provider';
import type { ConnectionQuery, ProviderSource } from '../provider-source';
import type { Auth0Client } from './auth0-client';
import { isOrganizationId, splitMembershipKey } from './auth0-keys';
import { mapConnection, mapFullRole, mapMember, mapOrganization } from './auth0-mapper';

/** A 404 means the organization (or member) is gone: an absent object, not a failure. */
async function orNullOn404<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === ErrorCode.NOT_FOUND) return null;
    throw error;
  }
}

/**
 * A failure as the batch result of its own key only. Rejecting a whole DataLoader batch would fail the
 * other organizations batched with it and clear their keys, so the failing call would be made again
 * by the next lookup; an Error value fails that key alone and is kept for the rest of the request.
 */
function asKeyResult<T>(load: Promise<T>): Promise<T | Error> {
  return load.catch((error: unknown) =>
    error instanceof Error ? error : new Error(String(error)),
  );
}

/**
 * Auth0 in the unified model, for one request. Connections and members are per organization, so they
 * are batched per organization (one call each, however many fields ask); organizations come from one
 * listing, or from one GET when a single organization is all a request needs.
 */
export class Auth0Source implements ProviderSource {
  readonly provider = Provider.AUTH0;

  private organizationListStarted = false;
  private readonly organizationList = once(() => {
    this.organizationListStarted = true;
    return this.client.organizations().then((orgs) => orgs.map(mapOrganization));
  });

  /** One key: GET by id (one call). More, or the listing already loaded: the listing. */
  private readonly organizationLoader = new DataLoader<string, Organization | null>(
    async (keys) => {
      const valid = keys.filter(isOrganizationId);
      if (valid.length === 1 && !this.organizationListStarted) {
        const org = await orNullOn404(this.client.organization(valid[0]!));
        return keys.map((k) => (org && k === valid[0] ? mapOrganization(org) : null));
      }
      if (valid.length === 0) return keys.map(() => null);
      const byId = new Map((await this.organizationList()).map((o) => [o.key, o]));
      return keys.map((k) => byId.get(k) ?? null);
    },
  );

  private readonly connectionsLoader = new DataLoader<string, Connection[]>((organizationIds) =>
    Promise.all(organizationIds.map((id) => asKeyResult(this.fetchConnections(id)))),
  );

  private readonly membersLoader = new DataLoader<string, User[]>((organizationIds) =>
    Promise.all(organizationIds.map((id) => asKeyResult(this.fetchMembers(id)))),
  );

  /** For each role seen in a member listing, the memberships that hold it. */
  private readonly roleHolders = new Map<string, Set<string>>();

  /**
   * Roles with descriptions, which member listings leave out. Auth0 has them per member
   * (`/members/{user}/roles`), so a batch of roles is covered greedily: ask the member holding the most
   * roles still missing, until every role is described. Usually one or two calls for a page of users.
   */
  private readonly roleLoader = new DataLoader<string, Permission | null>(async (roleIds) => {
    const found = new Map<string, Permission>();
    const missing = new Set(roleIds.filter((id) => this.roleHolders.has(id)));
    const asked = new Set<string>();
    while (missing.size > 0) {
      const holder = this.bestHolder(missing, asked);
      if (!holder) break;
      asked.add(holder);
      const membership = splitMembershipKey(holder)!;
      const roles = await orNullOn404(
        this.client.memberRoles(membership.organizationId, membership.id),
      );
      for (const role of (roles ?? []).map(mapFullRole)) {
        found.set(role.key, role);
        missing.delete(role.key);
      }
    }
    return roleIds.map((id) => found.get(id) ?? null);
  });

  private readonly allUsers = once(async () => {
    const orgs = await this.organizationList();
    const perOrg = await this.membersLoader.loadMany(orgs.map((o) => o.key));
    return perOrg.flatMap((users) => {
      if (users instanceof Error) throw users;
      return users;
    });
  });

  constructor(private readonly client: Auth0Client) {}

  async organizations(): Promise<Organization[]> {
    const orgs = await this.organizationList();
    for (const org of orgs) this.organizationLoader.prime(org.key, org);
    return orgs;
  }

  organization(key: string) {
    return this.organizationLoader.load(key);
  }

  async connections(query: ConnectionQuery): Promise<Connection[]> {
    // Auth0 connections link an identity provider to one organization: no source or sink.
    if (query.sourceOrganizationKey || query.sinkOrganizationKey) return [];
    const organizationKeys = query.organizationKey
      ? [query.organizationKey]
      : (await this.organizations()).map((o) => o.key);
    const perOrg = await this.connectionsLoader.loadMany(organizationKeys);
    return perOrg
      .flatMap((connections) => {
        if (connections instanceof Error) throw connections;
        return connections;
      })
      .filter(
        (c) =>
          query.enabled === undefined || query.enabled === null || c.isEnabled === query.enabled,
      );
  }

  async connection(key: string) {
    const membership = splitMembershipKey(key);
    if (!membership) return null;
    const connections = await this.connectionsLoader.load(membership.organizationId);
    return connections.find((c) => c.key === key) ?? null;
  }

  users() {
    return this.allUsers();
  }

  async user(key: string) {
    const membership = splitMembershipKey(key);
    if (!membership) return null;
    const members = await this.membersLoader.load(membership.organizationId);
    return members.find((u) => u.key === key) ?? null;
  }

  usersOfOrganization(organizationKey: string) {
    return this.membersLoader.load(organizationKey);
  }

  async organizationsOfUser(userKey: string): Promise<Organization[]> {
    const membership = splitMembershipKey(userKey);
    if (!membership || !(await this.user(userKey))) return [];
    const org = await this.organization(membership.organizationId);
    return org ? [org] : [];
  }

  async connectionsCreatedBy(): Promise<Connection[]> {
    return []; // Auth0 does not say who enabled a connection.
  }

  /** Roles held by any member of any organization (Auth0 lists roles per member, not per tenant). */
  async permissions(): Promise<Permission[]> {
    const byId = new Map<string, Permission>();
    for (const user of await this.allUsers()) {
      for (const { permission } of user.permissionAssignments) {
        if (!byId.has(permission.key)) byId.set(permission.key, permission);
      }
    }
    return [...byId.values()];
  }

  /** A role with its description. A role no loaded member holds yet needs the full member scan. */
  async permission(key: string): Promise<Permission | null> {
    if (!this.roleHolders.has(key)) await this.allUsers();
    return this.roleLoader.load(key);
  }

  async usersWithPermission(permissionKey: string): Promise<User[]> {
    return (await this.allUsers()).filter((u) =>
      u.permissionAssignments.some((a) => a.permission.key === permissionKey),
    );
  }

  private async fetchConnections(organizationId: string): Promise<Connection[]> {
    if (!isOrganizationId(organizationId)) return [];
    const items = await orNullOn404(this.client.organizationConnections(organizationId));
    return (items ?? []).map((item) => mapConnection(organizationId, item));
  }

  private async fetchMembers(organizationId: string): Promise<User[]> {
    if (!isOrganizationId(organizationId)) return [];
    const members = await orNullOn404(this.client.members(organizationId));
    const users = (members ?? []).map((member) => mapMember(organizationId, member));
    for (const user of users) this.noteRoleHolder(user);
    return users;
  }

  private noteRoleHolder(user: User): void {
    for (const { permission } of user.permissionAssignments) {
      const holders = this.roleHolders.get(permission.key) ?? new Set<string>();
      holders.add(user.key);
      this.roleHolders.set(permission.key, holders);
    }
  }

  /** The membership holding the most of the missing roles, among those not asked yet. */
  private bestHolder(missing: Set<string>, asked: Set<string>): string | undefined {
    const score = new Map<string, number>();
    for (const roleId of missing) {
      for (const holder of this.roleHolders.get(roleId) ?? []) {
        if (!asked.has(holder)) score.set(holder, (score.get(holder) ?? 0) + 1);
      }
    }
    let best: string | undefined;
    for (const [holder, count] of score) if (!best || count > score.get(best)!) best = holder;
    if (!best) for (const roleId of missing) missing.delete(roleId); // no holder left to ask
    return best;
  }
}
