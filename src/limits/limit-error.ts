import { GraphQLError } from 'graphql';

/** Which limit refused an operation, in `extensions.limit`. */
export type LimitName =
  'depth' | 'aliases' | 'directives' | 'nesting' | 'cost' | 'responseSize' | 'trustedDocuments';

/**
 * An operation refused by a limit, with the limit in `extensions`: HTTP 400 when refused before it ran,
 * the usual 200 when execution stopped it (`status: null`).
 */
export function limitError(
  message: string,
  code: string,
  limit: LimitName,
  details: Record<string, number> = {},
  status: number | null = 400,
): GraphQLError {
  const http = status === null ? {} : { http: { status } };
  return new GraphQLError(message, { extensions: { code, limit, ...details, ...http } });
}
