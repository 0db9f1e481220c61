import type { DatadogOrgConnection } from '../../../../src/providers/datadog/datadog.schemas';
import { getJson, type GetJson } from '../http/get-json';
import type { UpstreamEnv } from '../upstream-env';

/** Datadog's largest page, and its default. */
export const DATADOG_PAGE_SIZE = 1000;

export interface OrgConnectionFilter {
  sourceOrgId?: string;
  sinkOrgId?: string;
}

/** One page of org connections and the totals Datadog sent with it. */
export interface OrgConnectionPage {
  rows: DatadogOrgConnection[];
  /** Every connection of the account (`meta.page.total_count`). */
  total: number | undefined;
  /** Connections matching the filter (`meta.page.total_filtered_count`). */
  filteredTotal: number | undefined;
}

/** Datadog API v2 org connections: offset paging, no GET by id. */
export class DatadogApi {
  private readonly headers: Record<string, string>;

  constructor(
    private readonly env: UpstreamEnv,
    private readonly get: GetJson = getJson,
  ) {
    this.headers = { 'dd-api-key': env.datadogApiKey, 'dd-application-key': env.datadogAppKey };
  }

  /** Page `index` of 1000 (offset index × 1000), optionally filtered by source or sink org. */
  async page(index: number, filter: OrgConnectionFilter = {}): Promise<OrgConnectionPage> {
    const params: Record<string, string> = {
      limit: String(DATADOG_PAGE_SIZE),
      offset: String(index * DATADOG_PAGE_SIZE),
    };
    if (filter.sourceOrgId !== undefined) params.source_org_id = filter.sourceOrgId;
    if (filter.sinkOrgId !== undefined) params.sink_org_id = filter.sinkOrgId;
    const url = `${this.env.datadogUrl}/api/v2/org_connections?${new URLSearchParams(params).toString()}`;
    return orgConnectionPage(await this.get(url, this.headers));
  }
}

function orgConnectionPage(body: unknown): OrgConnectionPage {
  if (
    typeof body !== 'object' ||
    body === null ||
    !Array.isArray((body as { data?: unknown }).data)
  )
    throw new Error('Datadog org_connections: no data array');
  const { data, meta } = body as {
    data: DatadogOrgConnection[];
    meta?: { page?: { total_count?: number | null; total_filtered_count?: number | null } | null };
  };
  return {
    rows: data,
    total: meta?.page?.total_count ?? undefined,
    filteredTotal: meta?.page?.total_filtered_count ?? undefined,
  };
}
