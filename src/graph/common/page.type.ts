import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
import { ProviderProblem } from '../provider/provider-problem.type';
import type { PagingArgs } from './paging.args';

export interface Page<T> {
  items: T[];
  /** Null when a provider did not answer (see unavailableProviders): the total is unknown. */
  totalCount: number | null;
  offset: number;
  limit: number;
  hasNextPage: boolean;
  unavailableProviders: ProviderProblem[];
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

    @Field(() => Int, {
      nullable: true,
      description: `How many ${itemsName} match, across all pages; null when a provider did not answer, or answered in part (see \`unavailableProviders\`), since the total is then unknown.`,
    })
    totalCount!: number | null;

    @Field(() => Int, { description: 'The offset this page starts at.' })
    offset!: number;

    @Field(() => Int, { description: 'The page size asked for.' })
    limit!: number;

    @Field({ description: 'Whether more items follow this page.' })
    hasNextPage!: boolean;

    @Field(() => [ProviderProblem], {
      description: `Providers that did not answer, or answered in part, for these ${itemsName}: the page holds the other providers' items, and \`totalCount\` is null. Empty when every provider answered.`,
    })
    unavailableProviders!: ProviderProblem[];
  }
  return PageClass;
}

/** A page of a list in hand, with the problems of the providers that left it incomplete. */
export function toPage<T>(
  all: readonly T[],
  { offset, limit }: PagingArgs,
  unavailableProviders: ProviderProblem[],
): Page<T> {
  return {
    items: all.slice(offset, offset + limit),
    totalCount: unavailableProviders.length > 0 ? null : all.length,
    offset,
    limit,
    hasNextPage: offset + limit < all.length,
    unavailableProviders,
  };
}
