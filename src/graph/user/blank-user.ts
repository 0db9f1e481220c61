import { encodeGlobalId } from '../../model/global-id';
import type { Provider } from '../../model/provider';
import type { User } from './user.type';

/** A user with only its identity; mappers fill in their provider's fields. */
export function blankUser(provider: Provider, key: string, nativeId: string): User {
  return {
    __typename: 'User',
    id: encodeGlobalId('User', provider, key),
    provider,
    nativeId,
    key,
    name: null,
    email: null,
    picture: null,
    status: null,
    person: null,
    orgUserId: null,
    permissionAssignments: [],
  };
}
