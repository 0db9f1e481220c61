import { Field, ID, InputType } from 'type-graphql';
import { Provider } from '../common/provider.enum';
import { UserStatus } from './user-status.enum';

@InputType({ description: 'Narrows a list of users; all given conditions must hold.' })
export class UserFilter {
  @Field(() => [Provider], { nullable: true, description: 'Only these providers.' })
  providers?: Provider[];

  @Field(() => ID, {
    nullable: true,
    description:
      'Members of this organization: its global ID, or its native id (e.g. Auth0\'s "org_...") ' +
      "when the rest of the filter implies one provider (`providers: [X]`, or Crux's `status`); " +
      'otherwise a native id is BAD_USER_INPUT.',
  })
  organizationId?: string;

  @Field(() => UserStatus, { nullable: true, description: 'Crux user status.' })
  status?: UserStatus;

  @Field({ nullable: true, description: 'Case-insensitive part of the name or email.' })
  search?: string;
}
