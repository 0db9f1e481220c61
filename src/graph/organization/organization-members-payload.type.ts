import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/user-error.type';
import { User } from '../user/user.type';
import { Organization } from './organization.type';

@ObjectType({
  simpleResolvers: true,
  description: "What a change to an Auth0 organization's members did.",
})
export class OrganizationMembersPayload {
  @Field(() => Organization, { nullable: true, description: 'The organization.' })
  organization!: Organization | null | Promise<Organization | null>;

  @Field(() => [User], {
    nullable: true,
    description:
      'The memberships added, read from Auth0 after the write; empty after a removal, null with userErrors.',
  })
  members!: User[] | null;

  @Field(() => [UserError], { description: 'What Auth0 refused; empty when the write was done.' })
  userErrors!: UserError[];
}
