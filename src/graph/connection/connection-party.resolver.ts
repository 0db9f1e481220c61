import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { Parent } from '../common/parent.decorator';
import type { Context } from '../../context/context.type';
import { Organization } from '../organization/organization.type';
import { ConnectionParty } from './connection-party.type';

@Resolver(() => ConnectionParty)
export class ConnectionPartyResolver {
  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The retailer or supplier organization.',
  })
  organization(@Parent() party: ConnectionParty, @Ctx() ctx: Context) {
    return ctx.catalog.organization(party.organizationRef);
  }
}
