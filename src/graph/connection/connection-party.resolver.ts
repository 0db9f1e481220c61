import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context/context.type';
import { Organization } from '../organization/organization.type';
import { ConnectionParty } from './connection-party.type';

@Resolver(() => ConnectionParty)
export class ConnectionPartyResolver {
  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'The retailer or supplier organization.',
  })
  organization(@Root() party: ConnectionParty, @Ctx() ctx: Context) {
    return ctx.catalog.organization(party.organizationRef);
  }
}
