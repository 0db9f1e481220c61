import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { Parent } from '../common/parent.decorator';
import type { Context } from '../../context/context.type';
import { EntityQueries } from '../common/entity-queries.resolver';
import { Connection } from '../connection/connection.type';
import { Organization } from '../organization/organization.type';
import { Permission } from '../permission/permission.type';
import { UserFilter } from './user.filter';
import { UserPage } from './user-page.type';
import { User } from './user.type';

@Resolver(() => User)
export class UserResolver extends EntityQueries({
  entity: 'User',
  type: User,
  page: UserPage,
  filter: UserFilter,
  one: 'user',
  many: 'users',
  plural: 'Users',
  list: (catalog, filter, info) => catalog.users(filter, info),
  fetchPage: (catalog, filter, paging, info) => catalog.usersPage(filter, paging, info),
}) {
  @FieldResolver(() => [Permission], { description: 'The permissions assigned to the user.' })
  permissions(@Parent() user: User) {
    return user.permissionAssignments.filter((a) => a.assigned).map((a) => a.permission);
  }

  @FieldResolver(() => [Organization], {
    nullable: true,
    description: 'The organizations the user belongs to.',
  })
  organizations(@Parent() user: User, @Ctx() ctx: Context) {
    return ctx.catalog.listEdge(user.provider, (source) => source.organizationsOfUser(user.key));
  }

  @FieldResolver(() => [Connection], {
    nullable: true,
    description: 'Connections this user created (Datadog).',
  })
  createdConnections(@Parent() user: User, @Ctx() ctx: Context) {
    return ctx.catalog.listEdge(user.provider, (source) => source.connectionsCreatedBy(user.key));
  }
}
