import { Field, InputType } from 'type-graphql';
import { Provider } from '../common/provider.enum';
import { OrganizationStatus } from './organization-status.enum';
import { OrganizationType } from './organization-type.enum';

@InputType({ description: 'Narrows a list of organizations; all given conditions must hold.' })
export class OrganizationFilter {
  @Field(() => [Provider], { nullable: true, description: 'Only these providers.' })
  providers?: Provider[];

  @Field({
    nullable: true,
    description: 'Case-insensitive part of the name or display name, e.g. "acme".',
  })
  nameContains?: string;

  @Field(() => OrganizationType, { nullable: true, description: 'Crux organization type.' })
  orgType?: OrganizationType;

  @Field(() => OrganizationStatus, { nullable: true, description: 'Crux organization status.' })
  status?: OrganizationStatus;
}
