import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context/context.type';
import { checkPaging, PagingArgs } from '../common/paging.args';
import { toPage } from '../common/page.type';
import { User } from '../user/user.type';
import { PermissionFilter } from './permission.filter';
import { PermissionPage } from './permission-page.type';
import { Permission } from './permission.type';

@Resolver(() => Permission)
export class PermissionResolver {
  @Query(() => Permission, {
    nullable: true,
    description: 'One permission by global ID; null when the provider has no such permission.',
  })
  permission(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.catalog.node(id, 'Permission');
  }

  @Query(() => PermissionPage, {
    description:
      "Permissions of every configured provider (Crux permissions, Auth0 roles). A provider that fails leaves the others' permissions in the page and an error naming it in `errors`.",
  })
  async permissions(
    @Arg('filter', () => PermissionFilter, {
      nullable: true,
      description: 'Conditions the items must all meet.',
    })
    filter: PermissionFilter | undefined,
    @Args() paging: PagingArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    checkPaging(paging);
    return toPage(await ctx.catalog.permissions(filter ?? {}, info), paging);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Description of the permission.',
  })
  async description(@Root() permission: Permission, @Ctx() ctx: Context) {
    if (permission.description !== undefined) return permission.description;
    // Listings that carry only id and name (Auth0 member roles) leave it to a lookup.
    const full = await ctx.catalog.source(permission.provider).permission(permission.key);
    return full?.description ?? null;
  }

  @FieldResolver(() => [User], {
    nullable: true,
    description: 'The users holding this permission.',
  })
  users(@Root() permission: Permission, @Ctx() ctx: Context) {
    return ctx.catalog.source(permission.provider).usersWithPermission(permission.key);
  }
}
