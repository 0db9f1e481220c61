import { Field, ID, InputType } from 'type-graphql';
import { IdentityConnectionSettingsInput } from './identity-connection-settings.input';

@InputType({
  description: "Changes to an Auth0 organization's identity connection: at least one field.",
})
export class UpdateIdentityConnectionInput extends IdentityConnectionSettingsInput {
  @Field(() => ID, { description: "The connection's global ID." })
  id!: string;
}
