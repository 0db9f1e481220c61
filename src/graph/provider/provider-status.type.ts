import { Field, ObjectType } from 'type-graphql';
import { Provider } from '../common/provider.enum';

@ObjectType({
  simpleResolvers: true,
  description: 'Whether a provider is configured on this server.',
})
export class ProviderStatus {
  @Field(() => Provider, { description: 'The provider.' })
  provider!: Provider;

  @Field({ description: 'The provider as people name it.' })
  label!: string;

  @Field({
    description:
      'Whether the provider is configured; objects of an unconfigured one are never returned.',
  })
  enabled!: boolean;
}
