import { Field, InputType } from 'type-graphql';
import { Provider } from '../common/provider.enum';

@InputType({ description: 'Narrows a list of permissions; all given conditions must hold.' })
export class PermissionFilter {
  @Field(() => [Provider], { nullable: true, description: 'Only these providers.' })
  providers?: Provider[];

  @Field({ nullable: true, description: 'Case-insensitive part of the name or display name.' })
  nameContains?: string;
}
