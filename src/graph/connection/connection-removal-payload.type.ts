import { Field, ID, ObjectType } from 'type-graphql';
import { UserError } from '../common/user-error.type';

@ObjectType({ simpleResolvers: true, description: 'What a connection removal did.' })
export class ConnectionRemovalPayload {
  @Field(() => ID, {
    nullable: true,
    description: 'The global ID of the connection removed; null with userErrors.',
  })
  removedConnectionId!: string | null;

  @Field(() => [UserError], {
    description: 'What the provider refused; empty when it was removed.',
  })
  userErrors!: UserError[];
}
