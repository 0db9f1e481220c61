import { GraphQLJSONObject } from 'graphql-scalars';
import { Directive, Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../common/date-time.scalar';
import { Node } from '../common/node.interface';
import { AccountManager } from './account-manager.type';
import { OrganizationBranding } from './organization-branding.type';
import { OrganizationStatus } from './organization-status.enum';
import { OrganizationType } from './organization-type.enum';

@Directive('@key(fields: "id")')
@Directive('@key(fields: "provider nativeId")')
@ObjectType({
  simpleResolvers: true,
  implements: Node,
  description:
    'An organization at one provider: a Crux retailer or supplier, an Auth0 organization, or a Datadog org.',
})
export class Organization extends Node {
  readonly __typename = 'Organization' as const;

  @Field({
    description:
      'Name of the organization (Crux and Datadog: its name; Auth0: the organization `name`, an identifier-like name).',
  })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Friendly name of the organization (Auth0 `display_name`).',
  })
  displayName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Browser-ready URL for the organization's public website (Crux).",
  })
  website!: string | null;

  @Field(() => OrganizationType, { nullable: true, description: 'Retailer or supplier (Crux).' })
  orgType!: OrganizationType | null;

  @Field(() => OrganizationStatus, {
    nullable: true,
    description: 'Status of the organization (Crux).',
  })
  status!: OrganizationStatus | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the organization was created within the provider (Crux `created_date`).',
  })
  createdDate!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the organization became active within the provider (Crux `active_date`).',
  })
  activeDate!: string | null;

  @Field(() => AccountManager, {
    nullable: true,
    description: "The organization's account manager (Crux; may be absent).",
  })
  accountManager!: AccountManager | null;

  @Field(() => OrganizationBranding, {
    nullable: true,
    description: 'Login page branding (Auth0).',
  })
  branding!: OrganizationBranding | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Metadata: string key/value pairs (Auth0).',
  })
  metadata!: Record<string, unknown> | null;
}
