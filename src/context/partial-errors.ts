import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { pathToArray } from 'graphql/jsutils/Path';

/**
 * Errors of providers that failed while others answered. The list field still resolves with the data it
 * has; these join the response's `errors` (see partialErrorsPlugin) with the path of the field.
 */
export class PartialErrors {
  private readonly errors: GraphQLError[] = [];

  add(error: unknown, info: GraphQLResolveInfo): void {
    const original = error instanceof GraphQLError ? error : undefined;
    this.errors.push(
      new GraphQLError(original?.message ?? 'Internal server error', {
        nodes: info.fieldNodes,
        path: pathToArray(info.path),
        extensions: original?.extensions ?? { code: 'INTERNAL_SERVER_ERROR' },
      }),
    );
  }

  all(): readonly GraphQLError[] {
    return this.errors;
  }
}
