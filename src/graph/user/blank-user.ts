import type { Provider } from '../../model/provider';
import { entityClass } from '../common/entity-class';
import type { User } from './user.type';

class UserEntity extends entityClass<User>('User') {
  constructor(provider: Provider, key: string, nativeId: string) {
    super();
    this.provider = provider;
    this.nativeId = nativeId;
    this.key = key;
    this.name = null;
    this.email = null;
    this.picture = null;
    this.status = null;
    this.person = null;
    this.orgUserId = null;
    this.permissionAssignments = [];
  }
}

/** A user with only its identity; mappers fill in their provider's fields. */
export function blankUser(provider: Provider, key: string, nativeId: string): User {
  return new UserEntity(provider, key, nativeId);
}
