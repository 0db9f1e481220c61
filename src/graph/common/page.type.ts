import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
import type { PagingArgs } from './paging.args';

export interface Page<T> {
  items: T[];
  totalCount: number;
  offset: number;
  limit: number;
  hasNextPage: boolean;
}

/**
 * One page type per item type (`OrganizationPage`, ...). Not Relay's `...Connection` naming:
 * "connection" is a domain word in this graph.
 */
export function PageType<T extends object>(itemType: ClassType<T>, itemsName: string) {
  @ObjectType({ simpleResolvers: true })
  abstract class PageClass implements Page<T> {
    @Field(() => [itemType], { description: `The ${itemsName} on this page.` })
    items!: T[];

    @Field(() => Int, { description: `How many ${itemsName} match, across all pages.` })
    totalCount!: number;

    @Field(() => Int, { description: 'The offset this page starts at.' })
    offset!: number;

    @Field(() => Int, { description: 'The page size asked for.' })
    limit!: number;

    @Field({ description: 'Whether more items follow this page.' })
    hasNextPage!: boolean;
  }
  return PageClass;
}

export function toPage<T>(all: readonly T[], { offset, limit }: PagingArgs): Page<T> {
  return {
    items: all.slice(offset, offset + limit),
    totalCount: all.length,
    offset,
    limit,
    hasNextPage: offset + limit < all.length,
  };
}
