import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context/context.type';
import { checkPaging, PagingArgs } from '../common/paging.args';
import { toPage } from '../common/page.type';
import { Organization } from '../organization/organization.type';
import { User } from '../user/user.type';
import { ConnectionFilter } from './connection.filter';
import { ConnectionPage } from './connection-page.type';
import { Connection } from './connection.type';

@Resolver(() => Connection)
export class ConnectionResolver {
  @Query(() => Connection, {
    nullable: true,
    description: 'One connection by global ID; null when the provider has no such connection.',
  })
  connection(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.catalog.node(id, 'Connection');
  }

  @Query(() => ConnectionPage, {
    description:
      "Connections of every configured provider. A provider that fails leaves the others' " +
      'connections in the page and an error naming it in `errors`.',
  })
  async connections(
    @Arg('filter', () => ConnectionFilter, {
      nullable: true,
      description: 'Conditions the items must all meet.',
    })
    filter: ConnectionFilter | undefined,
    @Args() paging: PagingArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    checkPaging(paging);
    return toPage(await ctx.catalog.connections(filter ?? {}, info), paging);
  }

  @FieldResolver(() => [Organization], {
    nullable: true,
    description:
      'Every organization on the connection: retailer and supplier (Crux), source and sink (Datadog), ' +
      'or the organization the identity connection is enabled for (Auth0).',
  })
  async organizations(@Root() connection: Connection, @Ctx() ctx: Context) {
    const orgs = await Promise.all(
      connection.organizationRefs.map((r) => ctx.catalog.organization(r)),
    );
    return orgs.filter((o): o is Organization => o !== null);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The source org (Datadog).' })
  source(@Root() connection: Connection, @Ctx() ctx: Context) {
    return connection.sourceRef ? ctx.catalog.organization(connection.sourceRef) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The sink org (Datadog).' })
  sink(@Root() connection: Connection, @Ctx() ctx: Context) {
    return connection.sinkRef ? ctx.catalog.organization(connection.sinkRef) : null;
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'The user who created the connection (Datadog `created_by`).',
  })
  createdBy(@Root() connection: Connection, @Ctx() ctx: Context) {
    return connection.createdByRef ? ctx.catalog.user(connection.createdByRef) : null;
  }
}
