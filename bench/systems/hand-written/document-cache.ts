import { parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';

/** A query text parsed and validated, or why it cannot run. */
export type CheckedDocument = { document: DocumentNode } | { errors: readonly GraphQLError[] };

/**
 * Parsed and validated documents by query text, as a tuned server keeps them: a benchmark (and most
 * clients) send the same few operations again and again. Least recently used goes first.
 */
export class DocumentCache {
  private readonly checked = new Map<string, CheckedDocument>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly capacity = 256,
  ) {}

  get(query: string): CheckedDocument {
    let entry = this.checked.get(query);
    if (entry) {
      // Map keeps insertion order: re-inserting marks it the most recently used.
      this.checked.delete(query);
    } else {
      entry = this.check(query);
      if (this.checked.size >= this.capacity) {
        const oldest = this.checked.keys().next();
        if (!oldest.done) this.checked.delete(oldest.value);
      }
    }
    this.checked.set(query, entry);
    return entry;
  }

  private check(query: string): CheckedDocument {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch (error) {
      return { errors: [error as GraphQLError] };
    }
    const errors = validate(this.schema, document);
    return errors.length > 0 ? { errors } : { document };
  }
}
