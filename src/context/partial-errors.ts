import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { pathToArray } from 'graphql/jsutils/Path';
import type { Logger } from 'pino';

/**
 * Errors of providers that failed while others answered. The field still resolves with the data it has;
 * these join the response's `errors` (see partialErrorsPlugin) with the path of the field.
 */
export class PartialErrors {
  private readonly errors: GraphQLError[] = [];

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
    this.errors.push(
      new GraphQLError(original?.message ?? 'Internal server error', {
        nodes: info.fieldNodes,
        path: [...pathToArray(info.path), ...pathSuffix],
        extensions: original?.extensions ?? { code: 'INTERNAL_SERVER_ERROR' },
      }),
    );
  }

  all(): readonly GraphQLError[] {
    return this.errors;
  }
}
