import type { GraphQLResolveInfo } from 'graphql';
import type { PartialErrors } from '../../context/partial-errors';
import type { SourceRegistry } from '../../context/source-registry';
import { PartialListError } from '../../errors/partial-list-error';
import { UserInputError } from '../../errors/user-input-error';
import { decodeGlobalId, type EntityType } from '../../model/global-id';
import { Provider } from '../../model/provider';
import type { ConnectionQuery, ProviderSource } from '../../providers/provider-source';
import type { EntityRef } from '../common/entity-ref';
import { organizationRef } from '../common/organization-ref';
import type { Page } from '../common/page.type';
import type { PagingArgs } from '../common/paging.args';
import { selectsField, selectsPath } from '../common/selects-field';
import { ConnectionKind } from '../connection/connection-kind.enum';
import type { ConnectionFilter } from '../connection/connection.filter';
import type { Connection } from '../connection/connection.type';
import type { OrganizationFilter } from '../organization/organization.filter';
import type { Organization } from '../organization/organization.type';
import type { PermissionFilter } from '../permission/permission.filter';
import type { Permission } from '../permission/permission.type';
import type { UserFilter } from '../user/user.filter';
import { wholeListPart, type PagePart } from './page-part';
import type { User } from '../user/user.type';

const KIND_PROVIDER: Record<ConnectionKind, Provider> = {
  [ConnectionKind.RETAILER_SUPPLIER]: Provider.CRUX,
  [ConnectionKind.IDENTITY]: Provider.AUTH0,
  [ConnectionKind.ORG_DATA_SHARING]: Provider.DATADOG,
};

type Entity = Organization | Connection | User | Permission;

/** One provider's share of a merged page, named for reporting its failures. */
interface ProviderPart<T> {
  provider: Provider;
  part: PagePart<T>;
}

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
  organizationsPage(
    filter: OrganizationFilter,
    paging: PagingArgs,
    info: GraphQLResolveInfo,
  ): Promise<Page<Organization>> | undefined {
    if (filter.nameContains || filter.orgType || filter.status) return undefined;
    const parts = this.sources
      .select(chosen(filter.providers))
      .map((source): ProviderPart<Organization> => ({
        provider: source.provider,
        part: {
          count: () => source.organizationCount(),
          page: (from, count) => source.organizationPage(from, count),
        },
      }));
    return this.mergedPage(parts, paging, info);
  }

  /** A page of connections when the filter names providers or a kind at most (undefined otherwise). */
  connectionsPage(
    filter: ConnectionFilter,
    paging: PagingArgs,
    info: GraphQLResolveInfo,
  ): Promise<Page<Connection>> | undefined {
    const { providers, kind, ...rest } = filter;
    if (Object.values(rest).some((value) => value !== undefined && value !== null))
      return undefined;
    let selected = chosen(providers);
    if (kind) selected = intersect(selected, [KIND_PROVIDER[kind]]);
    const parts = this.sources.select(selected).map((source): ProviderPart<Connection> => ({
      provider: source.provider,
      part:
        source.connectionPages?.() ??
        wholeListPart(() => this.keepingPart(source.provider, source.connections({}), info)),
    }));
    return this.mergedPage(parts, paging, info);
  }

  /** A page of users when the filter names providers at most (undefined otherwise). */
  usersPage(
    filter: UserFilter,
    paging: PagingArgs,
    info: GraphQLResolveInfo,
  ): Promise<Page<User>> | undefined {
    if (filter.organizationId || filter.status || filter.search) return undefined;
    // Who else holds a permission needs every user of its provider: reading them page by page first
    // would only add rounds (and a page read twice).
    const everyone =
      selectsPath(info, ['items', 'permissions', 'users']) ||
      selectsPath(info, ['items', 'permissionAssignments', 'permission', 'users']);
    const parts = this.sources
      .select(chosen(filter.providers))
      .map((source): ProviderPart<User> => {
        const pages = everyone ? undefined : source.userPages?.();
        return {
          provider: source.provider,
          part: pages
            ? this.keepingParts(source.provider, pages, info)
            : wholeListPart(() => this.keepingPart(source.provider, source.users(), info)),
        };
      });
    return this.mergedPage(parts, paging, info);
  }

  /**
   * One page of lists merged across providers, in provider order. With `totalCount` asked, every
   * provider's count is needed and they are asked at once. Without it, providers are asked in order
   * only until the page is full and it is known whether more follow: a page that lies within the first
   * provider's items never costs the others anything. A failing provider is left out, with its error.
   * Each count is told where the page will start in that provider's list when that is known by then
   * (always for the first provider), so a provider whose pages carry the total reads one page only,
   * and, without `totalCount`, how many items are enough: the window's end and one more to tell
   * whether more follow, or just one once the page is full.
   */
  private async mergedPage<T>(
    providerParts: ReadonlyArray<ProviderPart<T>>,
    { offset, limit }: PagingArgs,
    info: GraphQLResolveInfo,
  ): Promise<Page<T>> {
    const parts = providerParts.map((p) => p.part);
    const counted = selectsField(info, 'totalCount')
      ? await Promise.allSettled(
          parts.map((part, index) => (index === 0 ? part.count(offset) : part.count())),
        )
      : undefined;
    const count = async (index: number, from: number, upTo: number): Promise<number> => {
      const result = counted ? counted[index] : await settle(parts[index].count(from, upTo));
      if (result.status === 'fulfilled') return result.value;
      this.report(providerParts[index].provider, result.reason, info);
      return 0;
    };
    const end = offset + limit;
    const windows: Array<{ provider: Provider; part: PagePart<T>; from: number; to: number }> = [];
    let start = 0;
    let hasNextPage = false;
    for (let index = 0; index < parts.length; index += 1) {
      if (start >= end && !counted) {
        // The page is full: only whether anything follows is left to learn.
        if (hasNextPage) break;
        hasNextPage = (await count(index, 0, 1)) > 0;
        continue;
      }
      const from = Math.max(0, offset - start);
      const size = await count(index, from, end - start + 1);
      const to = Math.min(size, end - start);
      if (from < to) windows.push({ ...providerParts[index], from, to });
      start += size;
      if (start > end) hasNextPage = true;
    }
    const pages = await Promise.allSettled(windows.map((w) => w.part.page(w.from, w.to - w.from)));
    const items: T[] = [];
    pages.forEach((page, index) => {
      // A loop, not push(...items): spreading a provider's list passes each item on the stack.
      if (page.status === 'fulfilled') for (const item of page.value) items.push(item);
      else this.report(windows[index].provider, page.reason, info);
    });
    const unavailableProviders = this.partialErrors.problemsAt(info);
    return {
      items,
      // Without totalCount asked the total is a lower bound, which no one reads.
      totalCount: unavailableProviders.length > 0 ? null : start,
      offset,
      limit,
      hasNextPage,
      unavailableProviders,
    };
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
    if (filter.kind) restrict(KIND_PROVIDER[filter.kind]);
    if (filter.status) restrict(Provider.CRUX);
    if (filter.enabled !== undefined && filter.enabled !== null) restrict(Provider.AUTH0);
    if (filter.connectionType) restrict(Provider.DATADOG);
    if (filter.sourceOrganizationId || filter.sinkOrganizationId) restrict(Provider.DATADOG);
    // Organization ids last: a native one is read at the one provider the conditions above imply.
    if (filter.sourceOrganizationId) {
      const org = organizationRef(filter.sourceOrganizationId, 'sourceOrganizationId', [
        Provider.DATADOG,
      ]);
      query.sourceOrganizationKey = org.key;
      restrict(org.provider);
    }
    if (filter.sinkOrganizationId) {
      const org = organizationRef(filter.sinkOrganizationId, 'sinkOrganizationId', [
        Provider.DATADOG,
      ]);
      query.sinkOrganizationKey = org.key;
      restrict(org.provider);
    }
    if (filter.organizationId) {
      const org = organizationRef(filter.organizationId, 'organizationId', providers);
      query.organizationKey = org.key;
      restrict(org.provider);
    }

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
      const org = organizationRef(filter.organizationId, 'organizationId', providers);
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
   * A paged edge of one object, at its own provider. What the provider could not answer at all fails
   * the field (null and an error: "unknown", not "none"); a list it answered in part keeps its items,
   * and its page names the provider in `unavailableProviders`.
   */
  async pageEdge<T>(
    provider: Provider,
    fetch: (source: ProviderSource) => Promise<T[]>,
    info: GraphQLResolveInfo,
  ): Promise<T[]> {
    return this.keepingPart(provider, fetch(this.sources.get(provider)), info);
  }

  /**
   * A plain list edge of one object, at its own provider: all or nothing. A list has no room to say
   * it is incomplete, so one that its provider answered only in part is null with the error, as one
   * it could not answer at all.
   */
  async listEdge<T>(
    provider: Provider,
    fetch: (source: ProviderSource) => Promise<T[]>,
  ): Promise<T[]> {
    try {
      return await fetch(this.sources.get(provider));
    } catch (error) {
      throw error instanceof PartialListError ? error.errors[0] : error;
    }
  }

  /** Objects by global ID, in order: a failing provider nulls its own IDs only. */
  async nodes(ids: readonly string[], info: GraphQLResolveInfo): Promise<Array<Entity | null>> {
    const settled = await Promise.allSettled(ids.map((id) => this.node(id)));
    return settled.map((result, index) => {
      if (result.status === 'fulfilled') return result.value;
      if (result.reason instanceof UserInputError) throw result.reason;
      this.partialErrors.add(result.reason, info, { pathSuffix: [index] });
      return null;
    });
  }

  /** A page part that answered in part: its counts and pages, and its errors beside them. */
  private keepingParts<T>(
    provider: Provider,
    part: PagePart<T>,
    info: GraphQLResolveInfo,
  ): PagePart<T> {
    return {
      count: async (from, upTo) => {
        try {
          return await part.count(from, upTo);
        } catch (error) {
          if (!(error instanceof PartialListError)) throw error;
          this.reportParts(provider, error, info);
          return error.items.length;
        }
      },
      page: (from, count) => this.keepingPart(provider, part.page(from, count), info),
    };
  }

  /** A list a provider answered in part (one Auth0 organization's members failing): its items, and
   * its errors beside them. */
  private async keepingPart<T>(
    provider: Provider,
    list: Promise<T[]>,
    info: GraphQLResolveInfo,
  ): Promise<T[]> {
    try {
      return await list;
    } catch (error) {
      if (!(error instanceof PartialListError)) throw error;
      this.reportParts(provider, error, info);
      return error.items as T[];
    }
  }

  /** A provider's failure beside the others' data; bad input fails the field. */
  private report(provider: Provider, error: unknown, info: GraphQLResolveInfo): void {
    if (error instanceof UserInputError) throw error;
    this.partialErrors.add(error, info, { provider });
  }

  /** The failed calls of a list a provider answered in part. */
  private reportParts(
    provider: Provider,
    error: PartialListError<unknown>,
    info: GraphQLResolveInfo,
  ): void {
    for (const part of error.errors)
      this.partialErrors.add(part, info, { provider, answeredInPart: true });
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
    settled.forEach((result, index) => {
      const { provider } = sources[index];
      // Loops, not push(...list): a provider's list of 200,000 would overflow the stack as arguments.
      if (result.status === 'fulfilled') {
        for (const item of result.value) items.push(item);
      } else if (result.reason instanceof PartialListError) {
        for (const item of result.reason.items as T[]) items.push(item);
        this.reportParts(provider, result.reason, info);
      } else if (result.reason instanceof UserInputError || strict) {
        throw result.reason;
      } else {
        this.partialErrors.add(result.reason, info, { provider });
      }
    });
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

function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );
}
