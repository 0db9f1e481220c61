import { Field, ObjectType } from 'type-graphql';
import { Person } from '../common/person.type';

@ObjectType({ simpleResolvers: true, description: 'A Crux account manager.' })
export class AccountManager {
  @Field({ description: 'Universal Unique Identifier for the account manager.' })
  uuid!: string;

  @Field(() => Person, { description: 'The person who is the account manager.' })
  person!: Person;
}
