import type { Route } from '../emulator-server';
import type { Auth0Data } from './auth0-data';
import { auth0Error } from './auth0-dialect';
import { offsetPage, offsetParams, ok } from './auth0-paging';
import { Auth0RequestError, guard } from './auth0-query';

/**
 * The tenant's roles (`read:roles`): `GET /api/v2/roles` (offset paging, `name_filter`) and
 * `GET /api/v2/roles/{id}`. Organization members hold these roles per organization.
 */
export function roleRoutes(data: Auth0Data): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/api/v2/roles',
      handler: guard((request) => {
        const params = offsetParams(request.query);
        const nameFilter = request.query.get('name_filter')?.toLowerCase();
        const roles = nameFilter
          ? data.roles.filter((r) => r.name.toLowerCase().includes(nameFilter))
          : data.roles;
        return offsetPage(roles, 'roles', params);
      }),
    },
    {
      method: 'GET',
      pattern: '/api/v2/roles/:id',
      handler: guard((request) => {
        const role = data.roles.find((r) => r.id === request.params.id);
        // Auth0's answer for an unknown role id.
        if (!role) {
          throw new Auth0RequestError(
            auth0Error(404, 'The role does not exist.', 'inexistent_role'),
          );
        }
        return ok({ ...role });
      }),
    },
  ];
}
