import { Field, InputType } from 'type-graphql';
import { OrganizationAccessLevel } from './organization-access-level.enum';

/**
 * The fields Auth0 lets a write set on an organization's identity connection: the base of the add and
 * update inputs (type-graphql passes a decorated base's fields on to its subclasses).
 */
@InputType({ description: "Settings of an Auth0 organization's identity connection." })
export abstract class IdentityConnectionSettingsInput {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether users logging in with the connection become members automatically.',
  })
  assignMembershipOnLogin?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Whether the connection shows on the organization's login prompt (enterprise).",
  })
  showAsButton?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether organization signup is on (database connections).',
  })
  isSignupEnabled?: boolean | null;

  @Field(() => OrganizationAccessLevel, { nullable: true })
  organizationAccessLevel?: OrganizationAccessLevel | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the connection is enabled for the organization.',
  })
  isEnabled?: boolean | null;
}
