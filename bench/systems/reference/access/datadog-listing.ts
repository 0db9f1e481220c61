import type { DatadogOrgConnection } from '../../../../src/providers/datadog/datadog.schemas';
import { DATADOG_PAGE_SIZE, type DatadogApi, type OrgConnectionFilter } from '../api/datadog-api';
import type { Strategy } from './strategy';

/** Rows of the listing, or of one page of it, and the total Datadog sent with them. */
export interface DatadogRows {
  rows: DatadogOrgConnection[];
  /** `meta.page.total_count` (every connection of the account), when sent. */
  total?: number;
}

/**
 * Datadog's org connection listing for one request, read by pages of 1000 (offsets 0, 1000, ...):
 * a window costs the pages that hold it, each telling the total; the whole listing reuses them.
 */
export class DatadogListing {
  constructor(
    private readonly api: DatadogApi,
    private readonly strategy: Strategy,
  ) {}

  /** Page `index` of the unfiltered listing. */
  page(index: number): Promise<DatadogRows> {
    return this.strategy.once(`datadog:page:${index}`, () => this.api.page(index));
  }

  /** The total from the page `near` falls in, which the window will then reuse. */
  async count(near = 0): Promise<number> {
    const { total } = await this.page(Math.floor(near / DATADOG_PAGE_SIZE));
    return total ?? (await this.all()).rows.length;
  }

  /** Rows `from` to `from + count`: only the pages that hold them, at once. */
  async window(from: number, count: number): Promise<DatadogOrgConnection[]> {
    const first = Math.floor(from / DATADOG_PAGE_SIZE);
    const last = Math.floor((from + count - 1) / DATADOG_PAGE_SIZE);
    const indexes: number[] = [];
    for (let index = first; index <= last; index += 1) indexes.push(index);
    const pages = await Promise.all(indexes.map((index) => this.page(index)));
    const start = from - first * DATADOG_PAGE_SIZE;
    return pages.flatMap((page) => page.rows).slice(start, start + count);
  }

  /** Every connection: the first page tells the total, then the other pages go out at once. */
  all(): Promise<DatadogRows> {
    return this.strategy.once('datadog:listing', async () => {
      const first = await this.page(0);
      const pages = [first];
      if (first.rows.length >= DATADOG_PAGE_SIZE) {
        if (first.total !== undefined) {
          const rest: number[] = [];
          for (let i = 1; i * DATADOG_PAGE_SIZE < first.total; i += 1) rest.push(i);
          pages.push(...(await Promise.all(rest.map((i) => this.page(i)))));
        } else {
          for (let i = 1; pages[pages.length - 1].rows.length >= DATADOG_PAGE_SIZE; i += 1)
            pages.push(await this.page(i));
        }
      }
      return { rows: uniqueRows(pages.flatMap((page) => page.rows)), total: first.total };
    });
  }

  /** Every connection a filter matches (naive's per-org reads), page after page. */
  async filtered(filter: OrgConnectionFilter): Promise<DatadogOrgConnection[]> {
    const first = await this.api.page(0, filter);
    const rows = [...first.rows];
    const end = first.filteredTotal;
    let last = first.rows;
    for (let i = 1; last.length >= DATADOG_PAGE_SIZE; i += 1) {
      if (end !== undefined && i * DATADOG_PAGE_SIZE >= end) break;
      last = (await this.api.page(i, filter)).rows;
      rows.push(...last);
    }
    return rows;
  }
}

/** Offset paging over a list that changes between pages can repeat a row: keep its first (orgraph). */
function uniqueRows(rows: readonly DatadogOrgConnection[]): DatadogOrgConnection[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)));
}
