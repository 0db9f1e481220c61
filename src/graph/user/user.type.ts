import { Directive, Field, ObjectType } from 'type-graphql';
import { Node } from '../common/node.interface';
import { Person } from '../common/person.type';
import { PermissionAssignment } from '../permission/permission-assignment.type';
import { UserStatus } from './user-status.enum';

@Directive('@key(fields: "id")')
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    'A user: a Crux org user, an Auth0 organization member (one per organization membership, since ' +
    'roles are per organization), or the Datadog user who created a connection.',
})
export class User extends Node {
  readonly __typename = 'User' as const;

  @Field(() => String, {
    nullable: true,
    description: 'Full name for display (Crux: first and last name; Auth0 and Datadog: name).',
  })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'URL to a picture of the user (Auth0).' })
  picture!: string | null;

  @Field(() => UserStatus, { nullable: true, description: "The user's account status (Crux)." })
  status!: UserStatus | null;

  @Field(() => Person, {
    nullable: true,
    description: 'Person details: uuid, names, email, phone, job title (Crux).',
  })
  person!: Person | null;

  @Field(() => String, {
    nullable: true,
    description: 'The org user uuid the permission assignments belong to (Crux `org_user.uuid`).',
  })
  orgUserId!: string | null;

  @Field(() => [PermissionAssignment], {
    description:
      'Every permission with whether it is assigned (Crux lists all available ones; Auth0 lists the ' +
      "member's roles in the organization, all assigned).",
  })
  permissionAssignments!: PermissionAssignment[];
}
