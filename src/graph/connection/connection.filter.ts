import { Field, ID, InputType } from 'type-graphql';
import { Provider } from '../common/provider.enum';
import { ConnectionKind } from './connection-kind.enum';
import { ConnectionStatus } from './connection-status.enum';

@InputType({
  description:
    'Narrows a list of connections; all given conditions must hold. A condition on a field that only ' +
    "one provider has (status, enabled, connectionType, source/sink) excludes the other providers' connections.",
})
export class ConnectionFilter {
  @Field(() => [Provider], { nullable: true, description: 'Only these providers.' })
  providers?: Provider[];

  @Field(() => ConnectionKind, { nullable: true, description: 'Only connections of this kind.' })
  kind?: ConnectionKind;

  @Field(() => ConnectionStatus, { nullable: true, description: 'Crux connection status.' })
  status?: ConnectionStatus;

  @Field({
    nullable: true,
    description: 'Auth0: whether the connection is enabled for the organization.',
  })
  enabled?: boolean;

  @Field({ nullable: true, description: 'Datadog: connections sharing this type, e.g. "logs".' })
  connectionType?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Connections with this organization on any side: its global ID, or its native id (e.g. ' +
      'Auth0\'s "org_...") when the rest of the filter implies one provider (`providers: [X]`, a ' +
      "`kind`, or a provider's own condition); otherwise a native id is BAD_USER_INPUT.",
  })
  organizationId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Datadog: connections from this source org, by global ID or Datadog org id.',
  })
  sourceOrganizationId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Datadog: connections to this sink org, by global ID or Datadog org id.',
  })
  sinkOrganizationId?: string;
}
