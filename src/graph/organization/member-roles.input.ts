import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Roles to give an Auth0 organization member, or to take away.' })
export class MemberRolesInput {
  @Field(() => ID, { description: "The member: an Auth0 User's global ID (one membership)." })
  memberId!: string;

  @Field(() => [String], {
    description:
      'The roles: Auth0 role ids (`rol_...`) or Permission global IDs, 1 to 10 per call.',
  })
  roleIds!: string[];
}
