import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../../errors/error-code';
import { UpstreamError } from '../../errors/upstream-error';
import { UserInputError } from '../../errors/user-input-error';
import { collectParts } from '../../errors/partial-list-error';
import { groupedListPart } from '../../graph/catalog/grouped-list-part';
import type { PagePart } from '../../graph/catalog/page-part';
import type { Connection } from '../../graph/connection/connection.type';
import type { Organization } from '../../graph/organization/organization.type';
import type { Permission } from '../../graph/permission/permission.type';
import type { User } from '../../graph/user/user.type';
import { once } from '../../loaders/once';
import { Provider } from '../../model/provider';
import type { ConnectionQuery, ProviderSource } from '../provider-source';
import type { IdentityConnectionSettings, OrganizationMembershipWrites } from '../provider-writes';
import { OFFSET_PAGING_REACH, PAGE_SIZE, type Auth0Client } from './auth0-client';
import { auth0ConnectionSettings } from './auth0-connection-settings';
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

/** A whole batch's failure as each key's own result, kept for the request (see asKeyResult). */
async function failEachKey<T>(
  keys: readonly string[],
  load: () => Promise<T[]>,
): Promise<Array<T | Error>> {
  try {
    return await load();
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return keys.map(() => failure);
  }
}

/** Whether the first offset page is the whole listing: a short page, or a total it reaches. */
function holdsEveryOrganization(first: { items: unknown[]; total: number | undefined }): boolean {
  return first.items.length < PAGE_SIZE || (first.total ?? Infinity) <= first.items.length;
}

/** An organization connection's or member's key, split; a key of neither is bad input. */
function membershipOf(
  key: string,
  what: 'connection' | 'member',
): { organizationId: string; id: string } {
  const membership = splitMembershipKey(key);
  if (!membership) throw new UserInputError(`Not an Auth0 organization ${what}: ${key}`);
  return membership;
}

/**
 * Auth0 in the unified model, for one request. Connections and members are per organization, so they
 * are batched per organization (one call each, however many fields ask); organizations come from the
 * listing, its first page, or GETs by id, whichever a request's lookups need fewest calls of.
 * It writes organization connections, members and member roles: a write makes the request forget
 * what it had read of that organization's connections or members, and members are read again after
 * a member write (through the client: the loaders may hold what was there before).
 */
export class Auth0Source implements ProviderSource, OrganizationMembershipWrites {
  readonly provider = Provider.AUTH0;

  private organizationListStarted = false;
  private readonly organizationList = once(async () => {
    this.organizationListStarted = true;
    // A first offset page that holds every organization (a small tenant) is the listing already.
    const first = await this.offsetPages.get(0)?.catch(() => undefined);
    if (first && holdsEveryOrganization(first)) return first.items;
    return this.client.organizations().then((orgs) => orgs.map(mapOrganization));
  });

  private readonly organizationLoader = new DataLoader<string, Organization | null>((keys) =>
    failEachKey(keys, () => this.lookUpOrganizations(keys)),
  );

  private readonly connectionsLoader = new DataLoader<string, Connection[]>((organizationIds) =>
    Promise.all(
      organizationIds.map((id) => {
        this.connectionsLoaded.add(id);
        return asKeyResult(this.fetchConnections(id));
      }),
    ),
  );

  private readonly connectionsLoaded = new Set<string>();

  /** Keys `<organization id>\0<true|false>`: one organization's connections with that `is_enabled`. */
  private readonly filteredConnectionsLoader = new DataLoader<string, Connection[]>((keys) =>
    Promise.all(
      keys.map((key) => {
        const [organizationId, enabled] = key.split('\u0000') as [string, string];
        return asKeyResult(this.fetchConnections(organizationId, enabled === 'true'));
      }),
    ),
  );

  private readonly membersLoader = new DataLoader<string, User[]>((organizationIds) =>
    Promise.all(organizationIds.map((id) => asKeyResult(this.fetchMembers(id)))),
  );

  private readonly offsetPages = new Map<
    number,
    Promise<{ items: Organization[]; total: number | undefined }>
  >();

  private roleListStarted = false;
  private readonly roleList = once(() => {
    this.roleListStarted = true;
    return this.client.roles().then((roles) => roles.map(mapFullRole));
  });

  /**
   * Roles with descriptions, which member listings leave out. One role: GET by id (one call); more, or
   * the listing already loaded: the tenant's role listing (one call per 100 roles).
   */
  private readonly roleLoader = new DataLoader<string, Permission | null>((roleIds) =>
    failEachKey(roleIds, async () => {
      if (roleIds.length === 1 && !this.roleListStarted) {
        const role = await orNullOn404(this.client.role(roleIds[0]));
        return [role ? mapFullRole(role) : null];
      }
      const byId = new Map((await this.roleList()).map((r) => [r.key, r]));
      return roleIds.map((id) => byId.get(id) ?? null);
    }),
  );

  /** Members of every organization; organizations that failed are reported beside the others. */
  private readonly allUsers = once(async () => {
    const orgs = await this.organizationList();
    return collectParts(await this.membersLoader.loadMany(orgs.map((o) => o.key)));
  });

  /**
   * Users a page at a time: the organizations in order (offset pages within Auth0's reach) and their
   * members only until the page is covered; every member for an exact count. Kept for the request,
   * so every users page of it extends the same reading.
   */
  private readonly userPart = groupedListPart<Organization, User>({
    groups: (from, count) => this.organizationsFrom(from, count),
    items: (orgs) => this.membersLoader.loadMany(orgs.map((o) => o.key)),
    all: () => this.allUsers(),
  });

  constructor(private readonly client: Auth0Client) {}

  async organizations(): Promise<Organization[]> {
    const orgs = await this.organizationList();
    for (const org of orgs) this.organizationLoader.prime(org.key, org);
    return orgs;
  }

  /** The total comes with the first offset page (include_totals): one call, which a first page reuses. */
  async organizationCount(): Promise<number> {
    if (this.organizationListStarted) return (await this.organizationList()).length;
    const first = await this.offsetPage(0);
    return first.total ?? (await this.organizationList()).length;
  }

  /**
   * Only the offset pages of 100 that cover the window (cached, so a later window reuses them); past
   * Auth0's offset reach of 1000, the checkpoint listing (cached too).
   */
  async organizationPage(offset: number, limit: number): Promise<Organization[]> {
    const end = offset + limit;
    if (this.organizationListStarted || end > OFFSET_PAGING_REACH) {
      return (await this.organizations()).slice(offset, end);
    }
    const pages: number[] = [];
    for (let page = Math.floor(offset / PAGE_SIZE); page * PAGE_SIZE < end; page += 1)
      pages.push(page);
    const fetched = await Promise.all(pages.map((page) => this.offsetPage(page)));
    const items = fetched.flatMap((page) => page.items);
    const start = offset - pages[0] * PAGE_SIZE;
    return items.slice(start, start + limit);
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
    const enabled = query.enabled;
    if (enabled === undefined) {
      return collectParts(await this.connectionsLoader.loadMany(organizationKeys));
    }
    // Auth0 filters by `is_enabled` itself (smaller answers), unless this request already holds the
    // organization's whole list.
    const parts = await Promise.all(
      organizationKeys.map((key) =>
        this.connectionsLoaded.has(key)
          ? asKeyResult(
              this.connectionsLoader
                .load(key)
                .then((all) => all.filter((c) => c.isEnabled === enabled)),
            )
          : asKeyResult(this.filteredConnectionsLoader.load(`${key}\u0000${enabled}`)),
      ),
    );
    return collectParts(parts);
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

  userPages(): PagePart<User> {
    return this.userPart;
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

  connectionsCreatedBy(): Promise<Connection[]> {
    return Promise.resolve([]); // Auth0 does not say who enabled a connection.
  }

  /** The tenant's roles: Auth0 permissions are granted to organization members as roles. */
  async permissions(): Promise<Permission[]> {
    const roles = await this.roleList();
    for (const role of roles) this.roleLoader.prime(role.key, role);
    return roles;
  }

  permission(key: string): Promise<Permission | null> {
    return this.roleLoader.load(key);
  }

  async usersWithPermission(permissionKey: string): Promise<User[]> {
    return (await this.allUsers()).filter((u) =>
      u.permissionAssignments.some((a) => a.permission.key === permissionKey),
    );
  }

  async addIdentityConnection(
    organizationKey: string,
    connectionId: string,
    settings: IdentityConnectionSettings,
  ): Promise<Connection> {
    const answer = await this.client.addOrganizationConnection(
      organizationKey,
      connectionId,
      auth0ConnectionSettings(settings),
    );
    this.forgetConnections(organizationKey);
    return mapConnection(organizationKey, answer);
  }

  async updateIdentityConnection(
    connectionKey: string,
    settings: IdentityConnectionSettings,
  ): Promise<Connection> {
    const { organizationId, id } = membershipOf(connectionKey, 'connection');
    const answer = await this.client.updateOrganizationConnection(
      organizationId,
      id,
      auth0ConnectionSettings(settings),
    );
    this.forgetConnections(organizationId);
    return mapConnection(organizationId, answer);
  }

  async removeIdentityConnection(connectionKey: string): Promise<void> {
    const { organizationId, id } = membershipOf(connectionKey, 'connection');
    await this.client.removeOrganizationConnection(organizationId, id);
    this.forgetConnections(organizationId);
  }

  /** The users added, as the organization's fresh member listing has them, in the order given. */
  async addOrganizationMembers(organizationKey: string, userIds: string[]): Promise<User[]> {
    await this.client.addMembers(organizationKey, userIds);
    const members = await this.freshMembers(organizationKey);
    const byUserId = new Map(members.map((m) => [m.nativeId, m]));
    // The listing is eventually consistent: a member it does not show yet is left out.
    return userIds.flatMap((id) => byUserId.get(id) ?? []);
  }

  async removeOrganizationMembers(organizationKey: string, userIds: string[]): Promise<void> {
    await this.client.removeMembers(organizationKey, userIds);
    this.membersLoader.clear(organizationKey);
  }

  async addMemberRoles(memberKey: string, roleIds: string[]): Promise<User> {
    const { organizationId, id } = membershipOf(memberKey, 'member');
    await this.client.addMemberRoles(organizationId, id, roleIds);
    return this.freshMember(organizationId, id);
  }

  async removeMemberRoles(memberKey: string, roleIds: string[]): Promise<User> {
    const { organizationId, id } = membershipOf(memberKey, 'member');
    await this.client.removeMemberRoles(organizationId, id, roleIds);
    return this.freshMember(organizationId, id);
  }

  /** After a connection write: the organization's connections are read again if asked for. */
  private forgetConnections(organizationId: string): void {
    this.connectionsLoaded.delete(organizationId);
    this.connectionsLoader.clear(organizationId);
    for (const enabled of [true, false]) {
      this.filteredConnectionsLoader.clear(`${organizationId}\u0000${enabled}`);
    }
  }

  /** The organization's members read again after a write, and kept for the rest of the request. */
  private async freshMembers(organizationId: string): Promise<User[]> {
    const members = (await this.client.members(organizationId)).map((member) =>
      mapMember(organizationId, member),
    );
    this.membersLoader.clear(organizationId).prime(organizationId, members);
    return members;
  }

  private async freshMember(organizationId: string, userId: string): Promise<User> {
    const member = (await this.freshMembers(organizationId)).find((m) => m.nativeId === userId);
    if (member) return member;
    throw new UpstreamError('Auth0 lists no such member of the organization', {
      provider: this.provider,
      code: ErrorCode.NOT_FOUND,
    });
  }

  /**
   * Organizations by id in the fewest calls. One id: GET it. Several: the first offset page (shared with
   * pages and the count), which holds the organizations clients usually have ids of; the ids it misses
   * are fetched one GET each, all at once, unless the listing takes fewer calls. Once the listing is
   * under way it answers everything.
   */
  private async lookUpOrganizations(
    keys: readonly string[],
  ): Promise<Array<Organization | null | Error>> {
    const found = new Map<string, Organization | null | Error>();
    const answers = () => keys.map((k) => found.get(k) ?? null);
    let missing = keys.filter(isOrganizationId);
    let listingCalls = Infinity;
    if (missing.length > 1 && !this.organizationListStarted) {
      const first = await this.offsetPage(0);
      for (const org of first.items) found.set(org.key, org);
      // A first page that holds every organization: the ids it lacks name no organization.
      if (holdsEveryOrganization(first)) return answers();
      missing = missing.filter((id) => !found.has(id));
      // Without a total the listing's cost is unknown: it is taken, as before this rule.
      listingCalls = first.total === undefined ? 0 : Math.ceil(first.total / PAGE_SIZE);
    }
    if (missing.length === 0) return answers();
    // Ties go to the GETs: they are sent at once, the listing's pages one after the other.
    if (this.organizationListStarted || missing.length > listingCalls) {
      await this.answerFromListing(missing, found);
    } else {
      await this.answerByGets(missing, found);
    }
    return answers();
  }

  /** One GET per id, all at once: 404 is null, and a failure is its own id's answer alone. */
  private async answerByGets(
    ids: readonly string[],
    found: Map<string, Organization | null | Error>,
  ): Promise<void> {
    const fetched = await Promise.all(
      ids.map((id) =>
        asKeyResult(orNullOn404(this.client.organization(id)).then((o) => o && mapOrganization(o))),
      ),
    );
    ids.forEach((id, i) => found.set(id, fetched[i]));
  }

  /** The listing's answers for `ids`; if it fails, the failure is theirs, not the ids already found. */
  private async answerFromListing(
    ids: readonly string[],
    found: Map<string, Organization | null | Error>,
  ): Promise<void> {
    const listing = await asKeyResult(this.organizationList());
    if (listing instanceof Error) {
      for (const id of ids) found.set(id, listing);
      return;
    }
    const byId = new Map(listing.map((o) => [o.key, o]));
    for (const id of ids) found.set(id, byId.get(id) ?? null);
  }

  /** Like organizationPage, but never asking for a page past the last organization. */
  private async organizationsFrom(from: number, count: number): Promise<Organization[]> {
    const total = await this.organizationCount();
    return from < total ? this.organizationPage(from, Math.min(count, total - from)) : [];
  }

  /** One offset page of organizations, mapped and primed for lookups, once per request. */
  private offsetPage(page: number): Promise<{ items: Organization[]; total: number | undefined }> {
    let pending = this.offsetPages.get(page);
    if (!pending) {
      pending = this.client.organizationsPage(page, PAGE_SIZE).then((result) => {
        const items = result.items.map(mapOrganization);
        for (const org of items) this.organizationLoader.prime(org.key, org);
        return { items, total: result.total };
      });
      this.offsetPages.set(page, pending);
    }
    return pending;
  }

  private async fetchConnections(
    organizationId: string,
    isEnabled?: boolean,
  ): Promise<Connection[]> {
    if (!isOrganizationId(organizationId)) return [];
    const items = await orNullOn404(
      this.client.organizationConnections(organizationId, { isEnabled }),
    );
    return (items ?? []).map((item) => mapConnection(organizationId, item));
  }

  private async fetchMembers(organizationId: string): Promise<User[]> {
    if (!isOrganizationId(organizationId)) return [];
    const members = await orNullOn404(this.client.members(organizationId));
    return (members ?? []).map((member) => mapMember(organizationId, member));
  }
}
