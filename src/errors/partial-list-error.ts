/**
 * A provider list that is partly there: some of its calls failed (one Auth0 organization's members,
 * say) while the rest answered. The catalog keeps the items and reports the errors beside them.
 */
export class PartialListError<T> extends Error {
  constructor(
    readonly items: T[],
    readonly errors: unknown[],
  ) {
    super(`${errors.length} of the calls behind a list failed`);
    this.name = 'PartialListError';
  }
}

/** Flattens per-part results: all parts, or the parts that answered plus a PartialListError. */
export function collectParts<T>(parts: ReadonlyArray<T[] | Error>): T[] {
  const items = parts.flatMap((part) => (part instanceof Error ? [] : part));
  const errors = parts.filter((part): part is Error => part instanceof Error);
  if (errors.length === 0) return items;
  if (errors.length === parts.length) throw errors[0];
  throw new PartialListError(items, errors);
}
