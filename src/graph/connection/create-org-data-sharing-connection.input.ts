import { Field, ID, InputType } from 'type-graphql';
import { OrgConnectionType } from './org-connection-type.enum';

@InputType({
  description:
    "A Datadog org connection from the org of the server's (or the caller's) Datadog keys to a sink org.",
})
export class CreateOrgDataSharingConnectionInput {
  @Field(() => ID, {
    description: "The sink org: its global ID, or Datadog's own org uuid.",
  })
  sinkOrganizationId!: string;

  @Field(() => [OrgConnectionType], { description: 'What to share: at least one type.' })
  connectionTypes!: OrgConnectionType[];
}
