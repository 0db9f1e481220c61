import { Field, ObjectType } from 'type-graphql';
import { UserErrorCode } from './user-error-code.enum';

/**
 * A problem with a mutation the caller can fix, as data in its payload (the GitHub and Shopify
 * convention): the provider has no such object, it conflicts, or it rejected the values. Failures of
 * the system itself (a provider down, a timeout) are GraphQL errors instead.
 */
@ObjectType({ simpleResolvers: true, description: 'A problem with a mutation the caller can fix.' })
export class UserError {
  @Field(() => [String], {
    description: 'The path to the input field it concerns, e.g. ["input", "sinkOrganizationId"].',
  })
  field!: string[];

  @Field({ description: 'What went wrong, for people.' })
  message!: string;

  @Field(() => UserErrorCode)
  code!: UserErrorCode;
}
