import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/user-error.type';
import { User } from '../user/user.type';

@ObjectType({ simpleResolvers: true, description: "What a change to a member's roles did." })
export class MemberPayload {
  @Field(() => User, {
    nullable: true,
    description:
      'The member with its roles, read from Auth0 after the write; null with userErrors.',
  })
  member!: User | null;

  @Field(() => [UserError], { description: 'What Auth0 refused; empty when the write was done.' })
  userErrors!: UserError[];
}
