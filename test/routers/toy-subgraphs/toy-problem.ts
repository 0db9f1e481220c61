import { GraphQLError, type ASTNode } from 'graphql';

/**
 * What the toy subgraphs' errors carry, shaped like a failing provider's error in orgraph: a code
 * and custom keys, to see whether routers keep `extensions` whole.
 */
export const TOY_PROBLEM_EXTENSIONS = {
  code: 'UPSTREAM_RATE_LIMITED',
  provider: 'DATADOG',
  retryAfterSeconds: 30,
} as const;

export const TOY_PROBLEM_MESSAGE = 'Datadog rate-limited the request';

export function toyProblem(
  path?: ReadonlyArray<string | number>,
  nodes?: readonly ASTNode[],
): GraphQLError {
  return new GraphQLError(TOY_PROBLEM_MESSAGE, {
    path,
    nodes,
    extensions: { ...TOY_PROBLEM_EXTENSIONS },
  });
}
