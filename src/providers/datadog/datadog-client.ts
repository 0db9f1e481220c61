import type { AugmentedRequest } from '@apollo/datasource-rest';
import { Provider } from '../../model/provider';
import { MAX_LISTING_PAGES, pagingCapReached } from '../http/paging-cap';
import { ProviderDataSource, type ProviderDataSourceOptions } from '../http/provider-data-source';
import {
  datadogOrgConnectionListSchema,
  datadogOrgConnectionResponseSchema,
  type DatadogOrgConnection,
  type DatadogOrgConnectionList,
} from './datadog.schemas';
import { DATADOG_CACHE_TAGS } from './datadog-cache-tags';
import { datadogErrorMessage } from './datadog-error-message';
import { datadogRateWindow, datadogResetDelay } from './datadog-rate-limit';
import { DATADOG_ROUTES } from './datadog-routes';

export { datadogResetDelay };

export interface DatadogKeys {
  apiKey: string;
  appKey: string;
}

export interface OrgConnectionFilter {
  sourceOrgId?: string;
  sinkOrgId?: string;
}

export interface OrgConnectionPageQuery extends OrgConnectionFilter {
  limit: number;
  offset: number;
}

/** Every row of a filtered or unfiltered listing, with the totals the first page reported. */
export interface OrgConnectionListing {
  connections: DatadogOrgConnection[];
  /** All connections of the account, whatever the filter (`meta.page.total_count`), when sent. */
  totalCount: number | undefined;
  /** Connections matching the filter (`meta.page.total_filtered_count`), when sent. */
  totalFilteredCount: number | undefined;
}

/** The documented default, and the most one page returns. */
export const DATADOG_MAX_PAGE_SIZE = 1000;
/** Pages fetched at once once the total is known: fast, without bursting into the rate limit. */
const PAGE_CONCURRENCY = 4;

/** The JSON:API type of an org connection, in every write's body. */
const ORG_CONNECTION_TYPE = 'org_connection';

/** Datadog API v2 org connections: offset paging, no cursor, no GET by id in our contract. */
export class DatadogClient extends ProviderDataSource {
  protected readonly provider = Provider.DATADOG;

  /** `pageSize` is for tests (paging over a small seed); production uses the API maximum. */
  constructor(
    options: ProviderDataSourceOptions,
    private readonly keys: DatadogKeys,
    readonly pageSize: number = DATADOG_MAX_PAGE_SIZE,
  ) {
    super(options, {
      resetDelay: datadogResetDelay,
      readRateWindow: datadogRateWindow,
      routes: DATADOG_ROUTES,
      cacheTags: DATADOG_CACHE_TAGS,
    });
  }

  protected override willSendRequest(_path: string, request: AugmentedRequest): void {
    request.headers['dd-api-key'] = this.keys.apiKey;
    request.headers['dd-application-key'] = this.keys.appKey;
    request.headers['accept'] = 'application/json';
  }

  protected override providerMessageOf(body: unknown): string | undefined {
    return datadogErrorMessage(body);
  }

  /** POST /api/v2/org_connections: from the keys' own org (the source) to `sinkOrgId`; 200. */
  async createOrgConnection(
    sinkOrgId: string,
    connectionTypes: string[],
  ): Promise<DatadogOrgConnection> {
    const answer = await this.sendWrite(
      'POST',
      'api/v2/org_connections',
      datadogOrgConnectionResponseSchema,
      {
        data: {
          type: ORG_CONNECTION_TYPE,
          attributes: { connection_types: connectionTypes },
          relationships: { sink_org: { data: { id: sinkOrgId, type: 'orgs' } } },
        },
      },
    );
    return answer.data;
  }

  /** PATCH /api/v2/org_connections/{id}: replaces the connection's types. */
  async updateOrgConnection(
    connectionId: string,
    connectionTypes: string[],
  ): Promise<DatadogOrgConnection> {
    const answer = await this.sendWrite(
      'PATCH',
      orgConnectionPath(connectionId),
      datadogOrgConnectionResponseSchema,
      {
        data: {
          type: ORG_CONNECTION_TYPE,
          id: connectionId,
          attributes: { connection_types: connectionTypes },
        },
      },
    );
    return answer.data;
  }

  /** DELETE /api/v2/org_connections/{id}: 200 with `{}`. */
  deleteOrgConnection(connectionId: string): Promise<void> {
    return this.sendWrite('DELETE', orgConnectionPath(connectionId), null);
  }

  /** GET /api/v2/org_connections: one page. */
  listOrgConnections(query: OrgConnectionPageQuery): Promise<DatadogOrgConnectionList> {
    const params: Record<string, string> = {
      limit: String(query.limit),
      offset: String(query.offset),
    };
    if (query.sourceOrgId !== undefined) params['source_org_id'] = query.sourceOrgId;
    if (query.sinkOrgId !== undefined) params['sink_org_id'] = query.sinkOrgId;
    return this.getValidated('api/v2/org_connections', datadogOrgConnectionListSchema, { params });
  }

  /**
   * Every page of a listing. `firstPage`, when the caller already fetched offset 0 with this filter and
   * page size, is reused rather than asked for again. Paging stops at a short page, or at
   * `total_filtered_count` when sent (then the remaining pages are fetched a few at a time).
   */
  async allOrgConnections(
    filter: OrgConnectionFilter,
    firstPage?: DatadogOrgConnectionList,
  ): Promise<OrgConnectionListing> {
    const limit = this.pageSize;
    const page = (offset: number) => this.listOrgConnections({ ...filter, limit, offset });
    const first = firstPage ?? (await page(0));
    const totalCount = first.meta?.page?.total_count ?? undefined;
    const totalFilteredCount = first.meta?.page?.total_filtered_count ?? undefined;
    const unfiltered = filter.sourceOrgId === undefined && filter.sinkOrgId === undefined;
    // Where paging ends, when Datadog says: an unfiltered listing matches every connection.
    const end = totalFilteredCount ?? (unfiltered ? totalCount : undefined);
    const pages = [first.data];

    let offset = limit;
    let last = first.data;
    while (last.length >= limit && (end === undefined || offset < end)) {
      if (pages.length >= MAX_LISTING_PAGES)
        throw pagingCapReached(this.provider, 'org connections');
      // With a known end the next pages can go out together; without one, one at a time.
      const offsets: number[] = [];
      const batch = end === undefined ? 1 : PAGE_CONCURRENCY;
      for (let o = offset; offsets.length < batch && (end === undefined || o < end); o += limit) {
        offsets.push(o);
      }
      const fetched = await Promise.all(offsets.map((o) => page(o)));
      for (const fetchedPage of fetched) pages.push(fetchedPage.data);
      last = fetched[fetched.length - 1].data;
      offset = offsets[offsets.length - 1] + limit;
    }
    return { connections: uniqueById(pages.flat()), totalCount, totalFilteredCount };
  }
}

function orgConnectionPath(connectionId: string): string {
  return `api/v2/org_connections/${encodeURIComponent(connectionId)}`;
}

/** Offset paging over a list that changes between pages can repeat a row; keep its first occurrence. */
function uniqueById(connections: DatadogOrgConnection[]): DatadogOrgConnection[] {
  const seen = new Set<string>();
  return connections.filter((c) => {
    if (seen.has(c.id)) return false;
    seen.add(c.id);
    return true;
  });
}

/**
 * How many more calls `allOrgConnections({}, first)` makes after an unfiltered first page; undefined
 * when the page is full and Datadog sent no total.
 */
export function remainingListingCalls(
  first: DatadogOrgConnectionList,
  pageSize: number,
): number | undefined {
  if (first.data.length < pageSize) return 0;
  const end = first.meta?.page?.total_filtered_count ?? first.meta?.page?.total_count ?? undefined;
  return end === undefined ? undefined : Math.max(0, Math.ceil(end / pageSize) - 1);
}
