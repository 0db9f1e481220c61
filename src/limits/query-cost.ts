import {
  getNullableType,
  isListType,
  type DocumentNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../graph/common/paging.args';

/**
 * How many items a list without a `limit` argument is assumed to hold. A connection has two sides and a
 * user one organization or two; the other lists (a user's permissions, a permission's holders, a
 * creator's connections) are assumed to hold 20 (the demo data holds at most 13).
 */
const ASSUMED_LIST_SIZES: Record<string, number> = {
  'Connection.organizations': 2,
  'User.organizations': 2,
  'Query.providers': 3,
};
const ASSUMED_LIST_SIZE = 20;
/** Introspection's lists (types, fields, arguments) are bounded by the schema: GraphiQL's query fits. */
const ASSUMED_INTROSPECTION_LIST_SIZE = 10;

const TOO_MANY_NODES = 'Query exceeds the maximum allowed number of nodes.';

/** Fields evaluated at most: the estimate itself must stay cheap on a document of repeated fragments. */
const MAX_EVALUATED_FIELDS = 10_000;

/**
 * Every field costs 1, and what is selected under a list costs once per item it may hold: the `limit`
 * argument of a page, the number of `ids` of `nodes`, or the list's assumed size. So cost tracks the
 * number of values the response may hold, whatever the upstream calls (the cache and loaders keep those
 * low).
 */
const listAwareEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) =>
  1 + itemsOf(type.name, field, args) * childComplexity;

function itemsOf(
  typeName: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
): number {
  // A limit out of range is refused by the list itself, with BAD_USER_INPUT.
  if (typeof args.limit === 'number') return Math.min(Math.max(args.limit, 0), MAX_PAGE_SIZE);
  if (Array.isArray(args.ids)) return args.ids.length;
  if (!isListType(getNullableType(field.type))) return 1;
  // A page's items are what its `limit` already counted.
  if (field.name === 'items' && typeName.endsWith('Page')) return 1;
  if (typeName.startsWith('__') || field.name.startsWith('__')) {
    return ASSUMED_INTROSPECTION_LIST_SIZE;
  }
  return ASSUMED_LIST_SIZES[`${typeName}.${field.name}`] ?? ASSUMED_LIST_SIZE;
}

/** The document has more fields than are estimated. */
export class TooManyFieldsToEstimateError extends Error {}

/**
 * The estimated cost of the operation `operationName` of `document` with its variables, or undefined
 * when its arguments cannot be read (execution then refuses the variables with BAD_USER_INPUT before
 * anything runs). Throws TooManyFieldsToEstimateError for a document too large to estimate.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number | undefined {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [listAwareEstimator],
      maxQueryNodes: MAX_EVALUATED_FIELDS,
    });
  } catch (error) {
    // The library stops with this message at maxQueryNodes; it reports argument errors otherwise.
    if ((error as Error).message === TOO_MANY_NODES) throw new TooManyFieldsToEstimateError();
    return undefined;
  }
}
