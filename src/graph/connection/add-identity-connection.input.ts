import { Field, ID, InputType } from 'type-graphql';
import { IdentityConnectionSettingsInput } from './identity-connection-settings.input';

@InputType({ description: "Enables one of the Auth0 tenant's connections for an organization." })
export class AddIdentityConnectionInput extends IdentityConnectionSettingsInput {
  @Field(() => ID, {
    description: "The Auth0 organization: its global ID, or Auth0's own id (`org_...`).",
  })
  organizationId!: string;

  @Field({ description: "The tenant's connection to enable (`con_...`)." })
  connectionId!: string;
}
