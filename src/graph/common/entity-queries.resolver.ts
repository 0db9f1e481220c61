import type { GraphQLResolveInfo } from 'graphql';
import type { ClassType } from 'type-graphql';
import { Arg, Args, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context/context.type';
import type { EntityType } from '../../model/global-id';
import type { Catalog } from '../catalog/catalog';
import { toPage, type Page } from './page.type';
import { checkPaging, PagingArgs } from './paging.args';

export interface EntityQueriesOptions<TFilter extends object> {
  entity: EntityType;
  type: ClassType;
  page: ClassType;
  filter: ClassType<TFilter>;
  /** Root field names, e.g. `organization` and `organizations`. */
  one: string;
  many: string;
  /** What the list holds, for the descriptions: "Organizations", "Crux permissions and Auth0 roles". */
  plural: string;
  list(catalog: Catalog, filter: TFilter, info: GraphQLResolveInfo): Promise<unknown[]>;
  /** A page fetched for itself, where the providers allow it; undefined falls back to `list`. */
  fetchPage?(
    catalog: Catalog,
    filter: TFilter,
    paging: PagingArgs,
    info: GraphQLResolveInfo,
  ): Promise<Page<unknown>> | undefined;
}

/**
 * The two root fields every entity has: one by global ID, and a filtered page across the providers.
 * Each entity's resolver extends this (type-graphql resolver inheritance) and adds its edges.
 */
export function EntityQueries<TFilter extends object>(options: EntityQueriesOptions<TFilter>) {
  const singular = options.entity.toLowerCase();

  @Resolver()
  abstract class EntityQueriesBase {
    @Query(() => options.type, {
      name: options.one,
      nullable: true,
      description: `One ${singular} by global ID; null when the provider has no such ${singular}.`,
    })
    one(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return ctx.catalog.node(id, options.entity);
    }

    @Query(() => options.page, {
      name: options.many,
      description:
        `${options.plural} of every configured provider. A provider that fails leaves the others' ` +
        'items in the page and an error naming it in `errors`.',
    })
    async many(
      @Arg('filter', () => options.filter, {
        nullable: true,
        description: 'Conditions the items must all meet.',
      })
      filter: TFilter | undefined,
      @Args() paging: PagingArgs,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ) {
      checkPaging(paging);
      const conditions = filter ?? ({} as TFilter);
      const page = await options.fetchPage?.(ctx.catalog, conditions, paging, info);
      return page ?? toPage(await options.list(ctx.catalog, conditions, info), paging);
    }
  }
  return EntityQueriesBase;
}
