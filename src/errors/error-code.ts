/**
 * The stable `extensions.code` values orgraph puts on errors. Clients branch on these, so they only ever
 * grow; Apollo's own codes (GRAPHQL_VALIDATION_FAILED, ...) cover malformed operations.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** Caller authentication is on and the request has no valid API key or bearer token. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The caller may not use this provider, or may not send its own provider credentials. */
  FORBIDDEN = 'FORBIDDEN',
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
  /** The provider refused a write that conflicts with what it holds (409), e.g. a duplicate. */
  UPSTREAM_CONFLICT = 'UPSTREAM_CONFLICT',
  /**
   * A write was sent and no answer came (timeout, broken connection): the provider may or may not
   * have made it. Not retried unless the write is idempotent; read the object before trying again.
   */
  UPSTREAM_OUTCOME_UNKNOWN = 'UPSTREAM_OUTCOME_UNKNOWN',
  /** Any other unexpected upstream status. */
  UPSTREAM_ERROR = 'UPSTREAM_ERROR',
  /** The operation's estimated cost is over the limit; refused before anything ran. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** Trusted-documents mode: the operation is not a registered one. */
  OPERATION_NOT_TRUSTED = 'OPERATION_NOT_TRUSTED',
  /** The response grew past its size limit while resolving; nothing of it is returned. */
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
