import { UserInputError } from '../../errors/user-input-error';
import { decodeGlobalId, type GlobalIdParts } from '../../model/global-id';
import { nativeKey } from '../../model/native-key';
import type { Provider } from '../../model/provider';
import type { EntityRef } from './entity-ref';

/**
 * The organization a filter argument names: an orgraph global ID, or the provider's own id when the
 * rest of the filter implies exactly one provider (`providers: [X]`, a `kind`, a provider's own
 * condition). A value that decodes as a global ID is read as one; anything else is a native id, and
 * without one implied provider it is refused, before any upstream call, saying how to name one.
 */
export function organizationRef(
  value: string,
  argumentName: string,
  impliedProviders: readonly Provider[] | undefined,
): EntityRef {
  const global = asGlobalId(value);
  if (global) {
    // Keeps decodeGlobalId's message for another type's ID ("a User ID, not an Organization ID").
    if (global.type !== 'Organization') decodeGlobalId(value, 'Organization');
    return { provider: global.provider, key: global.key };
  }
  if (impliedProviders?.length !== 1) {
    throw new UserInputError(
      `${argumentName} "${shown(value)}" is not an orgraph global ID, and the filter does not imply ` +
        'one provider to read it as a native id: name one (`providers: [AUTH0]`, a `kind`, or a ' +
        "provider's own condition), or pass the organization's global `id`",
      argumentName,
    );
  }
  const provider = impliedProviders[0];
  return { provider, key: nativeKey('Organization', provider, value, argumentName) };
}

function asGlobalId(value: string): GlobalIdParts | null {
  try {
    return decodeGlobalId(value);
  } catch {
    return null;
  }
}

function shown(value: string): string {
  return value.length > 80 ? `${value.slice(0, 80)}...` : value;
}
