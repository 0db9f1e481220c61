import type { Permission } from '../../../../src/graph/permission/permission.type';
import type { User } from '../../../../src/graph/user/user.type';
import { field, type ResolverMap } from './field';

/** A user's assigned permissions, and who holds a permission (orgraph's User and Permission edges). */
export const userFields: ResolverMap = {
  User: {
    permissions: field<User, unknown>((user) =>
      user.permissionAssignments.filter((a) => a.assigned).map((a) => a.permission),
    ),
  },
  Permission: {
    users: field<Permission, unknown>((permission, _args, { access }) =>
      access.get(permission.provider).usersWithPermission(permission.key),
    ),
  },
};
