import { ArgsType, Field, Int } from 'type-graphql';
import { UserInputError } from '../../errors/user-input-error';

export const MAX_PAGE_SIZE = 500;

@ArgsType()
export class PagingArgs {
  @Field(() => Int, { defaultValue: 0, description: 'How many items to skip (0 or more).' })
  offset: number = 0;

  @Field(() => Int, {
    defaultValue: 50,
    description: `How many items to return, 1 to ${MAX_PAGE_SIZE}.`,
  })
  limit: number = 50;
}

/** Checks paging arguments; out-of-range values are the caller's mistake, not an empty page. */
export function checkPaging({ offset, limit }: PagingArgs): void {
  if (!Number.isInteger(offset) || offset < 0) {
    throw new UserInputError(`offset must be 0 or more, got ${offset}`, 'offset');
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new UserInputError(`limit must be between 1 and ${MAX_PAGE_SIZE}, got ${limit}`, 'limit');
  }
}
