import type { GraphQLResolveInfo } from 'graphql';
import type { PartialErrors } from '../../context/partial-errors';
import type { SourceRegistry } from '../../context/source-registry';
import { PartialListError } from '../../errors/partial-list-error';
import { UserInputError } from '../../errors/user-input-error';
import { decodeGlobalId, type EntityType } from '../../model/global-id';
import { Provider } from '../../model/provider';
import type { ConnectionQuery, ProviderSource } from '../../providers/provider-source';
import type { EntityRef } from '../common/entity-ref';
import type { Page } from '../common/page.type';
import type { PagingArgs } from '../common/paging.args';
import { ConnectionKind } from '../connection/connection-kind.enum';
import type { ConnectionFilter } from '../connection/connection.filter';
import type { Connection } from '../connection/connection.type';
import type { OrganizationFilter } from '../organization/organization.filter';
import type { Organization } from '../organization/organization.type';
import type { PermissionFilter } from '../permission/permission.filter';
import type { Permission } from '../permission/permission.type';
import type { UserFilter } from '../user/user.filter';
import type { User } from '../user/user.type';

const KIND_PROVIDER: Record<ConnectionKind, Provider> = {
  [ConnectionKind.RETAILER_SUPPLIER]: Provider.CRUX,
  [ConnectionKind.IDENTITY]: Provider.AUTH0,
  [ConnectionKind.ORG_DATA_SHARING]: Provider.DATADOG,
};

type Entity = Organization | Connection | User | Permission;

/**
 * The unified graph over every configured provider, for one request. Lists ask the providers in
 * parallel; a provider that fails leaves the others' items in the answer and its error in `errors`.
 */
export class Catalog {
  constructor(
    private readonly sources: SourceRegistry,
    private readonly partialErrors: PartialErrors,
  ) {}

  /** Any entity by global ID; null when the provider has no such object. */
  async node(id: string, expectedType?: EntityType): Promise<Entity | null> {
    const { type, provider, key } = decodeGlobalId(id, expectedType);
    const source = this.sources.get(provider);
    switch (type) {
      case 'Organization':
        return source.organization(key);
      case 'Connection':
        return source.connection(key);
      case 'User':
        return source.user(key);
      case 'Permission':
        return source.permission(key);
    }
  }

  organization(ref: EntityRef): Promise<Organization | null> {
    return this.sources.get(ref.provider).organization(ref.key);
  }

  user(ref: EntityRef): Promise<User | null> {
    return this.sources.get(ref.provider).user(ref.key);
  }

  enabledProviders(): Provider[] {
    return this.sources.select().map((s) => s.provider);
  }

  source(provider: Provider): ProviderSource {
    return this.sources.get(provider);
  }

  async organizations(
    filter: OrganizationFilter,
    info: GraphQLResolveInfo,
  ): Promise<Organization[]> {
    let providers = chosen(filter.providers);
    // Organization type and status are Crux's; asking for them rules the other providers out.
    if (filter.orgType || filter.status) providers = intersect(providers, [Provider.CRUX]);
    const all = await this.across(this.sources.select(providers), (s) => s.organizations(), info);
    const needle = filter.nameContains?.toLowerCase();
    return all.filter(
      (o) =>
        (!needle ||
          o.name.toLowerCase().includes(needle) ||
          (o.displayName?.toLowerCase().includes(needle) ?? false)) &&
        (!filter.orgType || o.orgType === filter.orgType) &&
        (!filter.status || o.status === filter.status),
    );
  }

  /**
   * A page of organizations when no filter needs every item in hand (undefined otherwise): each provider
   * is asked for its count and for the part of the window it holds, so a first page of Auth0
   * organizations costs one offset page, not the whole listing. Providers keep their order.
   */
  async organizationsPage(
    filter: OrganizationFilter,
    { offset, limit }: PagingArgs,
    info: GraphQLResolveInfo,
  ): Promise<Page<Organization> | undefined> {
    if (filter.nameContains || filter.orgType || filter.status) return undefined;
    const sources = this.sources.select(chosen(filter.providers));
    const counts = await Promise.allSettled(sources.map((s) => s.organizationCount()));
    const windows: Array<{ source: ProviderSource; from: number; to: number }> = [];
    let start = 0;
    counts.forEach((count, index) => {
      if (count.status === 'rejected') return this.report(count.reason, info);
      const from = Math.max(0, offset - start);
      const to = Math.min(count.value, offset + limit - start);
      if (from < to) windows.push({ source: sources[index]!, from, to });
      start += count.value;
    });
    const parts = await Promise.allSettled(
      windows.map((w) => w.source.organizationPage(w.from, w.to - w.from)),
    );
    const items: Organization[] = [];
    for (const part of parts) {
      if (part.status === 'fulfilled') items.push(...part.value);
      else this.report(part.reason, info);
    }
    return { items, totalCount: start, offset, limit, hasNextPage: offset + limit < start };
  }

  /** `strict`: for one organization's connections, which a failing provider leaves unknown, not empty. */
  async connections(
    filter: ConnectionFilter,
    info: GraphQLResolveInfo,
    strict = false,
  ): Promise<Connection[]> {
    const query: ConnectionQuery = { enabled: filter.enabled ?? undefined };
    let providers = chosen(filter.providers);
    const restrict = (only: Provider) => (providers = intersect(providers, [only]));
    if (filter.organizationId) {
      const org = decodeGlobalId(filter.organizationId, 'Organization');
      query.organizationKey = org.key;
      restrict(org.provider);
    }
    if (filter.sourceOrganizationId) {
      const org = decodeGlobalId(filter.sourceOrganizationId, 'Organization');
      query.sourceOrganizationKey = org.key;
      restrict(org.provider);
    }
    if (filter.sinkOrganizationId) {
      const org = decodeGlobalId(filter.sinkOrganizationId, 'Organization');
      query.sinkOrganizationKey = org.key;
      restrict(org.provider);
    }
    if (filter.kind) restrict(KIND_PROVIDER[filter.kind]);
    if (filter.status) restrict(Provider.CRUX);
    if (filter.enabled !== undefined && filter.enabled !== null) restrict(Provider.AUTH0);
    if (filter.connectionType) restrict(Provider.DATADOG);
    if (filter.sourceOrganizationId || filter.sinkOrganizationId) restrict(Provider.DATADOG);

    const all = await this.across(
      this.sources.select(providers),
      (s) => s.connections(query),
      info,
      strict,
    );
    return all.filter(
      (c) =>
        (!filter.status || c.status === filter.status) &&
        (filter.enabled === undefined ||
          filter.enabled === null ||
          c.isEnabled === filter.enabled) &&
        (!filter.connectionType || (c.connectionTypes ?? []).includes(filter.connectionType)),
    );
  }

  async users(filter: UserFilter, info: GraphQLResolveInfo): Promise<User[]> {
    let providers = chosen(filter.providers);
    if (filter.status) providers = intersect(providers, [Provider.CRUX]);
    let all: User[];
    if (filter.organizationId) {
      const org = decodeGlobalId(filter.organizationId, 'Organization');
      const sources = this.sources.select(intersect(providers, [org.provider]));
      all = await this.across(sources, (s) => s.usersOfOrganization(org.key), info);
    } else {
      all = await this.across(this.sources.select(providers), (s) => s.users(), info);
    }
    const needle = filter.search?.toLowerCase();
    return all.filter(
      (u) =>
        (!filter.status || u.status === filter.status) &&
        (!needle ||
          (u.name?.toLowerCase().includes(needle) ?? false) ||
          (u.email?.toLowerCase().includes(needle) ?? false)),
    );
  }

  async permissions(filter: PermissionFilter, info: GraphQLResolveInfo): Promise<Permission[]> {
    const all = await this.across(
      this.sources.select(chosen(filter.providers)),
      (s) => s.permissions(),
      info,
    );
    const needle = filter.nameContains?.toLowerCase();
    return all.filter(
      (p) =>
        !needle ||
        p.name.toLowerCase().includes(needle) ||
        (p.displayName?.toLowerCase().includes(needle) ?? false),
    );
  }

  /**
   * A list edge of one object, at its own provider. What the provider could not answer at all fails the
   * field (null and an error: "unknown", not "none"); a list it answered in part keeps its items.
   */
  async edge<T>(
    provider: Provider,
    fetch: (source: ProviderSource) => Promise<T[]>,
    info: GraphQLResolveInfo,
  ): Promise<T[]> {
    try {
      return await fetch(this.sources.get(provider));
    } catch (error) {
      if (!(error instanceof PartialListError)) throw error;
      for (const part of error.errors) this.partialErrors.add(part, info);
      return error.items as T[];
    }
  }

  /** Objects by global ID, in order: a failing provider nulls its own IDs only. */
  async nodes(ids: readonly string[], info: GraphQLResolveInfo): Promise<Array<Entity | null>> {
    const settled = await Promise.allSettled(ids.map((id) => this.node(id)));
    return settled.map((result, index) => {
      if (result.status === 'fulfilled') return result.value;
      if (result.reason instanceof UserInputError) throw result.reason;
      this.partialErrors.add(result.reason, info, [index]);
      return null;
    });
  }

  /** A provider's failure beside the others' data; bad input fails the field. */
  private report(error: unknown, info: GraphQLResolveInfo): void {
    if (error instanceof UserInputError) throw error;
    this.partialErrors.add(error, info);
  }

  /**
   * Runs one list query on several providers at once, keeping what the healthy ones return. With
   * `strict`, a provider that cannot answer at all fails the field instead (an edge of one object).
   */
  private async across<T>(
    sources: readonly ProviderSource[],
    fetch: (source: ProviderSource) => Promise<T[]>,
    info: GraphQLResolveInfo,
    strict = false,
  ): Promise<T[]> {
    const settled = await Promise.allSettled(sources.map(fetch));
    const items: T[] = [];
    for (const result of settled) {
      if (result.status === 'fulfilled') {
        items.push(...result.value);
      } else if (result.reason instanceof PartialListError) {
        items.push(...(result.reason.items as T[]));
        for (const part of result.reason.errors) this.partialErrors.add(part, info);
      } else if (result.reason instanceof UserInputError || strict) {
        throw result.reason;
      } else {
        this.partialErrors.add(result.reason, info);
      }
    }
    return items;
  }
}

/** Narrows a provider selection; undefined means every provider, and an empty result selects none. */
function intersect(
  providers: readonly Provider[] | undefined,
  only: readonly Provider[],
): Provider[] {
  return providers ? providers.filter((p) => only.includes(p)) : [...only];
}

/** An empty `providers` list in a filter means no restriction, as an absent one does. */
function chosen(providers: readonly Provider[] | undefined): Provider[] | undefined {
  return providers && providers.length > 0 ? [...providers] : undefined;
}
