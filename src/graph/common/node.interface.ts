import { Field, ID, InterfaceType } from 'type-graphql';
import { Provider } from './provider.enum';

@InterfaceType({
  description: 'An object with a stable global ID, fetchable with `node(id:)`.',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  /** Encoded when read, from `provider` and `key`: mapped entities carry it on their prototype
   * (see entityPrototype), so a listing of thousands of objects encodes only the IDs a response shows. */
  @Field(() => ID, {
    description: 'Global ID: opaque, stable, encodes the provider and its native id.',
  })
  id!: string;

  @Field(() => Provider, { description: 'The provider this object comes from.' })
  provider!: Provider;

  @Field({ description: "The provider's own identifier for this object." })
  nativeId!: string;

  /** The provider folder's key for this object; the global ID encodes it. */
  key!: string;
}
