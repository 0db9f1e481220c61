/** orgraph's own span attributes, next to the OpenTelemetry semantic conventions' ones. */
export const ATTR_PROVIDER = 'orgraph.provider';
/** Where a provider read came from: upstream, fresh, stale or stale-if-error (see ReadSource). */
export const ATTR_CACHE_OUTCOME = 'orgraph.cache.outcome';
/** 1 for a call's first attempt, 2 for its first retry (or redirect, or renewed credentials)... */
export const ATTR_ATTEMPT = 'orgraph.upstream.attempt';
export const ATTR_REQUEST_ID = 'orgraph.request_id';
/** The authenticated caller's configured id, never its credential. */
export const ATTR_CALLER = 'orgraph.caller';
/** ok, partial (data and errors) or error (no data). */
export const ATTR_OUTCOME = 'orgraph.graphql.outcome';
/** The response's error codes (`extensions.code`), each once. */
export const ATTR_ERROR_CODES = 'orgraph.graphql.error_codes';

// Semantic conventions still marked incubating (not exported by the package's stable entry point).
export const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
export const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';
export const ATTR_URL_TEMPLATE = 'url.template';
