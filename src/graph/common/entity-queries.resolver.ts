import type { GraphQLResolveInfo } from 'graphql';
import type { ClassType } from 'type-graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context/context.type';
import type { EntityType } from '../../model/global-id';
import { NATIVE_ID_NOT_UNIQUE } from '../../model/native-key';
import type { Catalog } from '../catalog/catalog';
import { lookupId, LookupArgs } from './lookup.args';
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
      description: lookupDescription(options.entity, singular),
    })
    one(@Args() lookup: LookupArgs, @Ctx() ctx: Context) {
      return ctx.catalog.node(lookupId(options.entity, options.one, lookup), options.entity);
    }

    @Query(() => options.page, {
      name: options.many,
      description:
        `${options.plural} of every configured provider. A provider that fails leaves the others' ` +
        'items in the page, names itself in `unavailableProviders` and adds an error to `errors`.',
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
      if (page) return page;
      const items = await options.list(ctx.catalog, conditions, info);
      return toPage(items, paging, ctx.partialErrors.problemsAt(info));
    }
  }
  return EntityQueriesBase;
}

/** The one-object field's description: both ways to name the object, and where a native id is refused. */
function lookupDescription(entity: EntityType, singular: string): string {
  const refused = Object.entries(NATIVE_ID_NOT_UNIQUE[entity] ?? {}).map(
    ([provider, why]) => ` Not by native id at ${provider}: ${why}.`,
  );
  return (
    `One ${singular} by global \`id\`, or by \`provider\` and \`nativeId\` (the provider's own id), ` +
    `exactly one of the two at the same cost; null when the provider has no such ${singular}.` +
    refused.join('')
  );
}
