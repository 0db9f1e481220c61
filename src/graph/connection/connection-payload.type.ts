import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/user-error.type';
import { Connection } from './connection.type';

@ObjectType({
  simpleResolvers: true,
  description:
    'What a connection write did: the connection as the provider answered, or userErrors.',
})
export class ConnectionPayload {
  @Field(() => Connection, {
    nullable: true,
    description: 'The connection after the write, from the provider; null with userErrors.',
  })
  connection!: Connection | null;

  @Field(() => [UserError], {
    description: 'What the provider refused; empty when the write was done.',
  })
  userErrors!: UserError[];
}
