import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A connection, by global ID.' })
export class ConnectionIdInput {
  @Field(() => ID, { description: "The connection's global ID." })
  id!: string;
}
