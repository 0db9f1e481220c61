import { UserInputError } from '../errors/user-input-error';
import type { EntityType } from './global-id';
import { Provider } from './provider';

/**
 * No provider's ids come near this; the bound keeps a native id's global ID within what
 * decodeGlobalId accepts, so a native lookup and an ID lookup take the same path.
 */
export const MAX_NATIVE_ID_LENGTH = 256;

/**
 * Where a provider's own id does not name one object of the graph, and what to use instead. An Auth0
 * identity connection (`con_...`) is enabled per organization and an Auth0 member is one User per
 * organization membership, so their keys pair the organization id with the native id (auth0-keys.ts).
 * Everywhere else the native id is the key.
 */
export const NATIVE_ID_NOT_UNIQUE: Partial<Record<EntityType, Partial<Record<Provider, string>>>> =
  {
    Connection: {
      [Provider.AUTH0]:
        'an Auth0 identity connection is one Connection per organization it is enabled for, so its ' +
        'native id can name several: look it up by `id`, or list ' +
        '`connections(filter: { providers: [AUTH0], organizationId: "org_..." })`',
    },
    User: {
      [Provider.AUTH0]:
        'an Auth0 user is one User per organization membership, so its native id can name several: ' +
        'look it up by `id`, or list `users(filter: { providers: [AUTH0], organizationId: "org_..." })`',
    },
  };

/**
 * The provider's key for the object a native id names, as global IDs carry it. Bad input (empty, too
 * long, or a native id that is not unique at that provider) is refused before any upstream call.
 */
export function nativeKey(
  type: EntityType,
  provider: Provider,
  nativeId: string,
  argumentName: string,
): string {
  checkNativeId(nativeId, argumentName);
  const notUnique = NATIVE_ID_NOT_UNIQUE[type]?.[provider];
  if (notUnique) {
    throw new UserInputError(
      `${provider} ${type} cannot be found by native id: ${notUnique}`,
      argumentName,
    );
  }
  return nativeId;
}

function checkNativeId(nativeId: string, argumentName: string): void {
  if (nativeId.length === 0) throw new UserInputError(`${argumentName} is empty`, argumentName);
  if (nativeId.length > MAX_NATIVE_ID_LENGTH) {
    throw new UserInputError(
      `${argumentName} is longer than ${MAX_NATIVE_ID_LENGTH} characters: no provider's ids are`,
      argumentName,
    );
  }
}
