import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { Parent } from '../common/parent.decorator';
import type { Context } from '../../context/context.type';
import { EntityQueries } from '../common/entity-queries.resolver';
import { User } from '../user/user.type';
import { PermissionFilter } from './permission.filter';
import { PermissionPage } from './permission-page.type';
import { Permission } from './permission.type';

@Resolver(() => Permission)
export class PermissionResolver extends EntityQueries({
  entity: 'Permission',
  type: Permission,
  page: PermissionPage,
  filter: PermissionFilter,
  one: 'permission',
  many: 'permissions',
  plural: 'Permissions (Crux permissions, Auth0 roles)',
  list: (catalog, filter, info) => catalog.permissions(filter, info),
}) {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Description of the permission.',
  })
  async description(@Parent() permission: Permission, @Ctx() ctx: Context) {
    if (permission.description !== undefined) return permission.description;
    // Listings that carry only id and name (Auth0 member roles) leave it to a lookup.
    const full = await ctx.catalog.source(permission.provider).permission(permission.key);
    return full?.description ?? null;
  }

  @FieldResolver(() => [User], {
    nullable: true,
    description: 'The users holding this permission.',
  })
  users(@Parent() permission: Permission, @Ctx() ctx: Context) {
    return ctx.catalog.listEdge(permission.provider, (source) =>
      source.usersWithPermission(permission.key),
    );
  }
}
