import { Field, Int, ObjectType } from 'type-graphql';
import { Provider } from '../common/provider.enum';

/**
 * A provider that did not answer, or answered only in part, for a list. It is data, not only an entry
 * in `errors`, so a client or router that drops errors still sees that the list is incomplete.
 */
@ObjectType({
  simpleResolvers: true,
  description:
    "A provider that did not answer (or answered in part) for this list, and why: the list holds the other providers' items.",
})
export class ProviderProblem {
  @Field(() => Provider, { description: 'The provider that did not answer.' })
  provider!: Provider;

  @Field({
    description:
      "The error code, as in the matching error's `extensions.code`: UPSTREAM_UNAVAILABLE, UPSTREAM_RATE_LIMITED, UPSTREAM_UNAUTHORIZED, ...",
  })
  code!: string;

  @Field({ description: 'What happened, for people; never credentials or upstream bodies.' })
  message!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds to wait before asking again, when the provider said so (rate limits).',
  })
  retryAfterSeconds?: number;

  @Field({
    description:
      "True when the provider answered in part (one Auth0 organization's members failing, say): some of its items are in the list, others are missing.",
  })
  answeredInPart!: boolean;
}
