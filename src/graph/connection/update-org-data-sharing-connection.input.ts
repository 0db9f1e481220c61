import { Field, ID, InputType } from 'type-graphql';
import { OrgConnectionType } from './org-connection-type.enum';

@InputType({ description: 'Changes to a Datadog org connection: at least one field.' })
export class UpdateOrgDataSharingConnectionInput {
  @Field(() => ID, { description: "The connection's global ID." })
  id!: string;

  @Field(() => [OrgConnectionType], {
    nullable: true,
    description: 'What to share from now on: at least one type.',
  })
  connectionTypes?: OrgConnectionType[] | null;
}
