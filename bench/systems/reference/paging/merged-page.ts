import type { Page, PagingArgs } from './page';

/** One provider's share of a list merged across providers. */
export interface PagePart<T> {
  /**
   * How many items the provider has. `near`: where in its list the page will probably start, so a
   * provider that pages can fetch the page that tells its total and holds the items at once.
   */
  count(near?: number): Promise<number>;
  /** Items `from` to `from + count` of the provider's list. */
  page(from: number, count: number): Promise<T[]>;
}

/**
 * orgraph's merged page (Catalog.mergedPage), without its partial-failure handling: providers in order;
 * with `totalCount` asked every count at once, otherwise counts one by one only until the page is
 * full and whether more follow is known; then the windows of the providers that hold the page.
 */
export async function mergedPage<T>(
  parts: ReadonlyArray<PagePart<T>>,
  { offset, limit }: PagingArgs,
  withTotal: boolean,
): Promise<Page<T>> {
  const counted = withTotal
    ? await Promise.all(parts.map((part, index) => part.count(index === 0 ? offset : undefined)))
    : undefined;
  const end = offset + limit;
  const windows: Array<{ part: PagePart<T>; from: number; to: number }> = [];
  let start = 0;
  let hasNextPage = false;
  for (let index = 0; index < parts.length; index += 1) {
    const count = (near: number) => (counted ? counted[index] : parts[index].count(near));
    if (start >= end && !counted) {
      if (hasNextPage) break;
      hasNextPage = (await count(0)) > 0;
      continue;
    }
    const size = await count(Math.max(0, offset - start));
    const from = Math.max(0, offset - start);
    const to = Math.min(size, end - start);
    if (from < to) windows.push({ part: parts[index], from, to });
    start += size;
    if (start > end) hasNextPage = true;
  }
  const pages = await Promise.all(windows.map((w) => w.part.page(w.from, w.to - w.from)));
  const items: T[] = [];
  for (const page of pages) for (const item of page) items.push(item);
  return { items, totalCount: start, offset, limit, hasNextPage, unavailableProviders: [] };
}
