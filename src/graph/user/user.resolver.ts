import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context/context.type';
import { checkPaging, PagingArgs } from '../common/paging.args';
import { toPage } from '../common/page.type';
import { Connection } from '../connection/connection.type';
import { Organization } from '../organization/organization.type';
import { Permission } from '../permission/permission.type';
import { UserFilter } from './user.filter';
import { UserPage } from './user-page.type';
import { User } from './user.type';

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, {
    nullable: true,
    description: 'One user by global ID; null when the provider has no such user.',
  })
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.catalog.node(id, 'User');
  }

  @Query(() => UserPage, {
    description:
      "Users of every configured provider. A provider that fails leaves the others' users in the " +
      'page and an error naming it in `errors`.',
  })
  async users(
    @Arg('filter', () => UserFilter, {
      nullable: true,
      description: 'Conditions the items must all meet.',
    })
    filter: UserFilter | undefined,
    @Args() paging: PagingArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    checkPaging(paging);
    return toPage(await ctx.catalog.users(filter ?? {}, info), paging);
  }

  @FieldResolver(() => [Permission], { description: 'The permissions assigned to the user.' })
  permissions(@Root() user: User) {
    return user.permissionAssignments.filter((a) => a.assigned).map((a) => a.permission);
  }

  @FieldResolver(() => [Organization], {
    nullable: true,
    description: 'The organizations the user belongs to.',
  })
  organizations(@Root() user: User, @Ctx() ctx: Context) {
    return ctx.catalog.source(user.provider).organizationsOfUser(user.key);
  }

  @FieldResolver(() => [Connection], {
    nullable: true,
    description: 'Connections this user created (Datadog).',
  })
  createdConnections(@Root() user: User, @Ctx() ctx: Context) {
    return ctx.catalog.source(user.provider).connectionsCreatedBy(user.key);
  }
}
