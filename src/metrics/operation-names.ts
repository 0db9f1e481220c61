/** Label of an operation without a name. */
export const ANONYMOUS_OPERATION = 'anonymous';
/** Label of the names past the bound. */
export const OTHER_OPERATION = 'other';
/** Label of a request that never got to an operation (refused before one was known: unparsable,
 * invalid, unauthenticated). */
export const UNKNOWN_OPERATION = 'unknown';

/** The longest name used as a label; a longer one is `other`. */
const MAX_NAME_LENGTH = 64;

/**
 * Operation names as metric labels, in a bounded set: callers choose the names, so the typed client's
 * shipped operations are always themselves, the first `maxOthers` other names this server sees keep
 * theirs for as long as it runs, and every later one is `other`. Sticky rather than an LRU: a label
 * that came and went would make its series restart and mislead rates.
 */
export class OperationNames {
  private readonly admitted: Set<string>;
  private others = 0;

  constructor(
    shipped: Iterable<string>,
    private readonly maxOthers = 100,
  ) {
    this.admitted = new Set(shipped);
  }

  /** `null`/`undefined`: the operation has no name. */
  label(name: string | null | undefined): string {
    if (!name) return ANONYMOUS_OPERATION;
    if (this.admitted.has(name)) return name;
    if (this.others >= this.maxOthers || name.length > MAX_NAME_LENGTH) return OTHER_OPERATION;
    this.others += 1;
    this.admitted.add(name);
    return name;
  }
}
