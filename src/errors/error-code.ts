/**
 * The stable `extensions.code` values orgraph puts on errors. Clients branch on these, so they only ever
 * grow; Apollo's own codes (GRAPHQL_VALIDATION_FAILED, ...) cover malformed operations.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  /** The provider is not configured on this server. */
  PROVIDER_DISABLED = 'PROVIDER_DISABLED',
  /** The provider rejected the credentials (401) or their permissions (403). */
  UPSTREAM_UNAUTHORIZED = 'UPSTREAM_UNAUTHORIZED',
  UPSTREAM_FORBIDDEN = 'UPSTREAM_FORBIDDEN',
  UPSTREAM_RATE_LIMITED = 'UPSTREAM_RATE_LIMITED',
  /** The provider timed out, refused the connection or answered 5xx, after retries. */
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
  /** The provider answered with something that breaks its documented contract. */
  UPSTREAM_BAD_RESPONSE = 'UPSTREAM_BAD_RESPONSE',
  /** The request used up its budget of upstream calls; what it still needed was not fetched. */
  UPSTREAM_BUDGET_EXCEEDED = 'UPSTREAM_BUDGET_EXCEEDED',
  /** Any other unexpected upstream status. */
  UPSTREAM_ERROR = 'UPSTREAM_ERROR',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
