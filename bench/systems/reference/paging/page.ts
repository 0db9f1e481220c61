import { GraphQLError } from 'graphql';
import type { Page } from '../../../../src/graph/common/page.type';
import type { ListView } from '../model/list-view';

export type { Page };

export interface PagingArgs {
  offset: number;
  limit: number;
}

const MAX_PAGE_SIZE = 500;

/** orgraph's paging rule: out-of-range values are the caller's mistake, not an empty page. */
export function checkPaging({ offset, limit }: PagingArgs): void {
  if (!Number.isInteger(offset) || offset < 0)
    throw new GraphQLError(`offset must be 0 or more, got ${offset}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE)
    throw new GraphQLError(`limit must be between 1 and ${MAX_PAGE_SIZE}, got ${limit}`);
}

/** A page of a list held whole. */
export function toPage<T>(all: ListView<T>, { offset, limit }: PagingArgs): Page<T> {
  return {
    items: all.slice(offset, offset + limit),
    totalCount: all.length,
    offset,
    limit,
    hasNextPage: offset + limit < all.length,
    // The baselines fail whole rather than answer in part: nothing is ever unavailable.
    unavailableProviders: [],
  };
}
