/** One provider's share of a list merged across providers, for paging it without reading it all. */
export interface PagePart<T> {
  /** How many items the provider has. */
  count(): Promise<number>;
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
