import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context/context.type';
import { UserInputError } from '../../errors/user-input-error';
import { Node } from '../common/node.interface';

const MAX_NODES = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by global ID; null when its provider has no such object.',
  })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.catalog.node(id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by global ID, in the order asked (at most ${MAX_NODES}); null for a missing one.`,
  })
  nodes(
    @Arg('ids', () => [ID]) ids: string[],
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (ids.length > MAX_NODES) {
      throw new UserInputError(`nodes takes at most ${MAX_NODES} IDs, got ${ids.length}`, 'ids');
    }
    return ctx.catalog.nodes(ids, info);
  }
}
