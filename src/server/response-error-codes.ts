import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { Context } from '../context/context.type';

/** A response's error codes (`extensions.code`), each once: its errors and its partial errors. */
export function responseErrorCodes({
  errors,
  contextValue,
}: GraphQLRequestContextWillSendResponse<Context>): string[] {
  const codes = [
    ...(errors ?? []).map((e) => e.extensions?.code),
    ...(contextValue.partialErrors?.all() ?? []).map((e) => e.extensions.code),
  ];
  return [...new Set(codes.filter((code): code is string => typeof code === 'string'))];
}

/** Whether a response carries data (a partial answer does, a failed operation does not). */
export function responseHasData({
  response,
}: GraphQLRequestContextWillSendResponse<Context>): boolean {
  const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
  return body?.data !== undefined && body.data !== null;
}
