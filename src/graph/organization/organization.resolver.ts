import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Resolver } from 'type-graphql';
import { Parent } from '../common/parent.decorator';
import type { Context } from '../../context/context.type';
import { EntityQueries } from '../common/entity-queries.resolver';
import { checkPaging, PagingArgs } from '../common/paging.args';
import { toPage } from '../common/page.type';
import { ConnectionFilter } from '../connection/connection.filter';
import { ConnectionPage } from '../connection/connection-page.type';
import { UserPage } from '../user/user-page.type';
import { OrganizationFilter } from './organization.filter';
import { OrganizationPage } from './organization-page.type';
import { Organization } from './organization.type';

@Resolver(() => Organization)
export class OrganizationResolver extends EntityQueries({
  entity: 'Organization',
  type: Organization,
  page: OrganizationPage,
  filter: OrganizationFilter,
  one: 'organization',
  many: 'organizations',
  plural: 'Organizations',
  list: (catalog, filter, info) => catalog.organizations(filter, info),
  fetchPage: (catalog, filter, paging, info) => catalog.organizationsPage(filter, paging, info),
}) {
  @FieldResolver(() => ConnectionPage, {
    nullable: true,
    description:
      "The organization's connections: Crux and Datadog connections it is a side of, or the identity connections enabled for an Auth0 organization.",
  })
  async connections(
    @Parent() organization: Organization,
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
    const scoped = { ...filter, organizationId: organization.id };
    const connections = await ctx.catalog.connections(scoped, info, true);
    return toPage(connections, paging, ctx.partialErrors.problemsAt(info));
  }

  @FieldResolver(() => UserPage, {
    nullable: true,
    description:
      "The organization's users: Crux org users (of your own organization) or Auth0 members.",
  })
  async users(
    @Parent() organization: Organization,
    @Args() paging: PagingArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    checkPaging(paging);
    const users = await ctx.catalog.pageEdge(
      organization.provider,
      (source) => source.usersOfOrganization(organization.key),
      info,
    );
    return toPage(users, paging, ctx.partialErrors.problemsAt(info));
  }
}
