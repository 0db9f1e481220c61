import { Field, ObjectType } from 'type-graphql';
import { Person } from '../common/person.type';
import type { EntityRef } from '../common/entity-ref';

@ObjectType({
  simpleResolvers: true,
  description: 'One side of a Crux connection: the retailer or the supplier, with its contact.',
})
export class ConnectionParty {
  @Field({ description: 'Universal Unique Identifier for the retailer or supplier.' })
  uuid!: string;

  @Field(() => Person, { nullable: true, description: "The party's contact for this connection." })
  contact!: Person | null;

  /** The party's organization; resolved by ConnectionPartyResolver. */
  organizationRef!: EntityRef;
}
