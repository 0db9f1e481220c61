import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Users to add to, or remove from, an Auth0 organization.' })
export class OrganizationMembersInput {
  @Field(() => ID, {
    description: "The Auth0 organization: its global ID, or Auth0's own id (`org_...`).",
  })
  organizationId!: string;

  @Field(() => [String], {
    description: 'Auth0 user ids (e.g. `auth0|5f1c...`), 1 to 10 per call.',
  })
  userIds!: string[];
}
