import type { Provider } from '../../model/provider';
import { entityClass } from '../common/entity-class';
import type { Permission } from './permission.type';

class PermissionEntity extends entityClass<Permission>('Permission') {
  constructor(provider: Provider, key: string, name: string) {
    super();
    this.provider = provider;
    this.nativeId = key;
    this.key = key;
    this.name = name;
    this.displayName = null;
    this.description = undefined;
    this.visibility = null;
    this.grouping = null;
  }
}

/**
 * A permission with only its identity and name; mappers fill in their provider's fields. Its
 * description stays undefined (not looked up) until a mapper sets it.
 */
export function blankPermission(provider: Provider, key: string, name: string): Permission {
  return new PermissionEntity(provider, key, name);
}
