import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { Parent } from '../common/parent.decorator';
import type { Context } from '../../context/context.type';
import { EntityQueries } from '../common/entity-queries.resolver';
import { Organization } from '../organization/organization.type';
import { User } from '../user/user.type';
import { ConnectionFilter } from './connection.filter';
import { ConnectionPage } from './connection-page.type';
import { Connection } from './connection.type';

@Resolver(() => Connection)
export class ConnectionResolver extends EntityQueries({
  entity: 'Connection',
  type: Connection,
  page: ConnectionPage,
  filter: ConnectionFilter,
  one: 'connection',
  many: 'connections',
  plural: 'Connections',
  list: (catalog, filter, info) => catalog.connections(filter, info),
  fetchPage: (catalog, filter, paging, info) => catalog.connectionsPage(filter, paging, info),
}) {
  @FieldResolver(() => [Organization], {
    nullable: true,
    description:
      'Every organization on the connection: retailer and supplier (Crux), source and sink (Datadog), ' +
      'or the organization the identity connection is enabled for (Auth0).',
  })
  async organizations(@Parent() connection: Connection, @Ctx() ctx: Context) {
    const orgs = await Promise.all(
      connection.organizationRefs.map((r) => ctx.catalog.organization(r)),
    );
    return orgs.filter((o): o is Organization => o !== null);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The source org (Datadog).' })
  source(@Parent() connection: Connection, @Ctx() ctx: Context) {
    return connection.sourceRef ? ctx.catalog.organization(connection.sourceRef) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The sink org (Datadog).' })
  sink(@Parent() connection: Connection, @Ctx() ctx: Context) {
    return connection.sinkRef ? ctx.catalog.organization(connection.sinkRef) : null;
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'The user who created the connection (Datadog `created_by`).',
  })
  createdBy(@Parent() connection: Connection, @Ctx() ctx: Context) {
    return connection.createdByRef ? ctx.catalog.user(connection.createdByRef) : null;
  }
}
