import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description: 'An Auth0 identity connection (database, social, enterprise, passwordless).',
})
export class IdentityConnection {
  @Field({ description: 'Connection identifier (`con_...`).' })
  connectionId!: string;

  @Field(() => String, { nullable: true, description: 'The name of the connection.' })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The strategy of the connection (auth0, samlp, ...).',
  })
  strategy!: string | null;
}
