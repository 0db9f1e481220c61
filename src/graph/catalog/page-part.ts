/**
 * One provider's share of a list merged across providers, for paging it without reading it all. A
 * part that answered in part (some of its calls failed) rejects with a PartialListError: `page` with
 * the window's items, `count` with the items it counted.
 */
export interface PagePart<T> {
  /**
   * How many items the provider has. `from`, when given, is where the page about to be asked starts
   * in this part: a provider whose every page carries the total (Datadog) learns it from that page,
   * which `page` then reuses, rather than from a first page the window may not need. `upTo`, when
   * given, is as far as the caller needs to know: a part that pays per group of items (Auth0's users,
   * per organization) stops counting there, and an answer of `upTo` or more means at least that many.
   */
  count(from?: number, upTo?: number): Promise<number>;
  /** Items `from` to `from + count` of the provider's list. */
  page(from: number, count: number): Promise<T[]>;
}

/** A part over a list that is read whole anyway (an unpaged provider, or one read from the cache). */
export function wholeListPart<T>(list: () => Promise<T[]>): PagePart<T> {
  let read: Promise<T[]> | undefined;
  const all = () => (read ??= list());
  return {
    count: async () => (await all()).length,
    page: async (from, count) => (await all()).slice(from, from + count),
  };
}
