import { GraphQLError } from 'graphql';

/**
 * The error a provider call rejects with, checked to be a GraphQLError naming the provider and carrying
 * none of the given secrets anywhere (message, extensions or stack).
 */
export async function upstreamFailure(
  promise: Promise<unknown>,
  expected: { provider: string; secrets: readonly string[] },
): Promise<GraphQLError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  const graphQLError = error as GraphQLError;
  const text = JSON.stringify({ ...graphQLError.toJSON(), stack: graphQLError.stack });
  for (const secret of expected.secrets) expect(text).not.toContain(secret);
  expect(graphQLError.extensions['provider']).toBe(expected.provider);
  return graphQLError;
}
