import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { pathToArray } from 'graphql/jsutils/Path';
import type { Logger } from 'pino';

/**
 * Errors of providers that failed while others answered. The field still resolves with the data it has;
 * these join the response's `errors` (see partialErrorsPlugin) with the path of the field.
 */
export class PartialErrors {
  private readonly errors: GraphQLError[] = [];
  /** One error per path, message and code: 5,000 organizations failing alike make one error, not 5,000. */
  private readonly seen = new Set<string>();

  constructor(private readonly logger: Logger) {}

  /** Records an error at the field's path, plus `pathSuffix` (an index in a list, say). */
  add(
    error: unknown,
    info: GraphQLResolveInfo,
    pathSuffix: ReadonlyArray<string | number> = [],
  ): void {
    const original = error instanceof GraphQLError ? error : undefined;
    // Not raised on purpose: a bug. The caller sees a generic message, the log the whole error.
    if (!original) this.logger.error({ err: error }, 'unexpected error in a partial result');
    const path = [...pathToArray(info.path), ...pathSuffix];
    const message = original?.message ?? 'Internal server error';
    const extensions = original?.extensions ?? { code: 'INTERNAL_SERVER_ERROR' };
    const key = JSON.stringify([path, message, extensions.code, extensions.provider]);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.errors.push(new GraphQLError(message, { nodes: info.fieldNodes, path, extensions }));
  }

  all(): readonly GraphQLError[] {
    return this.errors;
  }
}
