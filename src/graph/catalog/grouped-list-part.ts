import { collectParts, PartialListError } from '../../errors/partial-list-error';
import type { PagePart } from './page-part';

/**
 * A list that is its groups' lists one after the other, each group's read by a call of its own:
 * Auth0's users, the members of each organization in the order of the organizations.
 */
export interface GroupedList<G, T> {
  /** Groups `from` to `from + count` in order; fewer, or none, past the last. */
  groups(from: number, count: number): Promise<G[]>;
  /** Each group's items, in the order of `groups`; a group whose call failed is its Error. */
  items(groups: readonly G[]): Promise<Array<T[] | Error>>;
  /** The whole list, read the provider's cheapest way when every item is needed (an exact count). */
  all(): Promise<T[]>;
}

/**
 * Groups read in the first round, before the size of any is known: a first page of ten fills from a
 * few groups of a few items, and groups of hundreds waste only a few calls.
 */
const FIRST_ROUND = 4;

/**
 * How many more groups to read for `wanted` more items: a few first, then as many as the mean size of
 * the groups read so far says will hold them, all in one round rather than a latency round each.
 */
function groupsToRead(wanted: number, groupsRead: number, itemsRead: number): number {
  if (itemsRead === 0) return Math.min(wanted, Math.max(FIRST_ROUND, groupsRead));
  return Math.ceil((wanted * groupsRead) / itemsRead);
}

/**
 * A part over a grouped list that reads groups in order only until the items asked for are in hand:
 * a count told `upTo` stops there, and a page stops at its end. What has been read is kept for the
 * request, so the count and the page that follows it cost the calls once. A group that failed counts
 * no items and is reported beside the others (PartialListError), as a whole listing reports it.
 */
export function groupedListPart<G, T>(list: GroupedList<G, T>): PagePart<T> {
  const read: Array<T[] | Error> = [];
  let itemsRead = 0;
  let exhausted = false;
  // One reading at a time: a count and a page (or two aliases) extend the same groups in turn.
  let reading: Promise<unknown> = Promise.resolve();

  const readUntil = (wanted: number): Promise<Array<T[] | Error>> => {
    const next = reading
      .catch(() => undefined)
      .then(async () => {
        while (itemsRead < wanted && !exhausted) {
          const count = groupsToRead(wanted - itemsRead, read.length, itemsRead);
          const groups = await list.groups(read.length, count);
          if (groups.length < count) exhausted = true;
          for (const items of await list.items(groups)) {
            read.push(items);
            if (!(items instanceof Error)) itemsRead += items.length;
          }
        }
        return read.slice();
      });
    reading = next;
    return next;
  };

  return {
    count: async (_from, upTo) =>
      upTo === undefined ? (await list.all()).length : collectParts(await readUntil(upTo)).length,
    page: async (from, count) => {
      const groups = await readUntil(from + count);
      try {
        return collectParts(groups).slice(from, from + count);
      } catch (error) {
        if (!(error instanceof PartialListError)) throw error;
        throw new PartialListError((error.items as T[]).slice(from, from + count), error.errors);
      }
    },
  };
}
