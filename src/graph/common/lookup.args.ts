import { ArgsType, Field, ID } from 'type-graphql';
import { UserInputError } from '../../errors/user-input-error';
import { encodeGlobalId, type EntityType } from '../../model/global-id';
import { nativeKey } from '../../model/native-key';
import { Provider } from './provider.enum';

/** How a root field finds one object: by global ID, or by its provider and the provider's own id. */
@ArgsType()
export class LookupArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'The global ID. Give either it or `provider` and `nativeId`.',
  })
  id?: string | null;

  @Field(() => Provider, {
    nullable: true,
    description: 'The provider the object comes from; with `nativeId`, instead of `id`.',
  })
  provider?: Provider | null;

  @Field(() => String, {
    nullable: true,
    description: "The provider's own id for the object (its `nativeId`); with `provider`.",
  })
  nativeId?: string | null;
}

/**
 * The global ID a lookup names. A native lookup becomes the global ID of the same object, so both
 * forms take one path to the provider and cost the same calls. Refused before any upstream call:
 * neither form, both, half of the native form, or a native id that is not unique at its provider.
 */
export function lookupId(type: EntityType, field: string, args: LookupArgs): string {
  const { id, provider, nativeId } = args;
  const hasNative = provider != null || nativeId != null;
  if (id != null && hasNative) {
    throw new UserInputError(
      `${field} takes either \`id\` or \`provider\` and \`nativeId\`, not both`,
      'id',
    );
  }
  if (id != null) return id;
  if (!hasNative) {
    throw new UserInputError(`${field} needs \`id\`, or \`provider\` and \`nativeId\``, 'id');
  }
  if (provider == null) {
    throw new UserInputError(`${field}: \`nativeId\` needs \`provider\` too`, 'provider');
  }
  if (nativeId == null) {
    throw new UserInputError(`${field}: \`provider\` needs \`nativeId\` too`, 'nativeId');
  }
  return encodeGlobalId(type, provider, nativeKey(type, provider, nativeId, 'nativeId'));
}
