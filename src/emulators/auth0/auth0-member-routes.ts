import type { EmulatorRequest, EmulatorResponse, Route } from '../emulator-server';
import { auth0Error } from './auth0-dialect';
import type { Auth0Member, Auth0Membership, Auth0Role, Auth0User } from './auth0-data';
import type { Auth0Lookup } from './auth0-lookup';
import {
  checkpointParams,
  checkpointStart,
  encodeCursor,
  offsetPage,
  offsetParams,
  ok,
  OFFSET_REACH,
} from './auth0-paging';
import { Auth0RequestError, booleanParam, guard } from './auth0-query';

const MEMBER_FIELDS = ['user_id', 'email', 'picture', 'name', 'roles'] as const;
type MemberField = (typeof MEMBER_FIELDS)[number];

export function memberRoutes(lookup: Auth0Lookup): Route[] {
  const users = new Map(lookup.data.users.map((u) => [u.user_id, u]));
  const roles = new Map(lookup.data.roles.map((r) => [r.id, r]));
  return [
    {
      method: 'GET',
      pattern: '/api/v2/organizations/:id/members',
      handler: guard((r) => listMembers(lookup, users, roles, r)),
    },
    {
      method: 'GET',
      pattern: '/api/v2/organizations/:id/members/:user_id/roles',
      handler: guard((request) => {
        const params = offsetParams(request.query);
        const organization = lookup.organization(request);
        const membership = lookup.data.memberships[organization.id]?.find(
          (m) => m.user_id === request.params.user_id,
        );
        // Not recorded; the wording is inferred from Auth0's other 404s.
        if (!membership) {
          throw new Auth0RequestError(
            auth0Error(404, 'The user is not a member of the organization.'),
          );
        }
        const items: Auth0Role[] = membership.role_ids.map((id) => ({ ...roles.get(id)! }));
        return offsetPage(items, 'roles', params);
      }),
    },
  ];
}

function listMembers(
  lookup: Auth0Lookup,
  users: Map<string, Auth0User>,
  roles: Map<string, Auth0Role>,
  request: EmulatorRequest,
): EmulatorResponse {
  const checkpoint = checkpointParams(request.query);
  // Auth0 documents the same 1000-member reach for offset paging as for organizations.
  const offset = checkpoint ? null : offsetParams(request.query, { reach: OFFSET_REACH });
  const fields = selectedFields(request.query);
  const organization = lookup.organization(request);
  const memberships = lookup.data.memberships[organization.id] ?? [];
  const toMember = (m: Auth0Membership) => member(m, users.get(m.user_id)!, roles, fields);

  if (offset) return offsetPage(memberships.map(toMember), 'members', offset);

  const start = checkpointStart(memberships, (m) => m.user_id, checkpoint!.fromId);
  const page = memberships.slice(start, start + checkpoint!.take);
  const last = page[page.length - 1];
  // Unlike organizations, the recorded member pages carry `next` whenever they are not empty, so
  // the end shows as an empty page without `next`.
  if (!last) return ok({ members: [] });
  return ok({ members: page.map(toMember), next: encodeCursor(last.created_at, last.user_id) });
}

/**
 * Fields to serve, in Auth0's order. Without `fields`, every field but roles; roles only when named
 * with include_fields (default true), as the recorded `fields=user_id,roles` request shows.
 */
function selectedFields(query: URLSearchParams): Set<MemberField> {
  const listed = (query.get('fields') ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f.length > 0);
  const include = booleanParam(query, 'include_fields') ?? true;
  if (listed.length === 0) return new Set(MEMBER_FIELDS.filter((f) => f !== 'roles'));
  return new Set(
    MEMBER_FIELDS.filter((f) =>
      include ? listed.includes(f) : !listed.includes(f) && f !== 'roles',
    ),
  );
}

function member(
  membership: Auth0Membership,
  user: Auth0User,
  roles: Map<string, Auth0Role>,
  fields: Set<MemberField>,
): Auth0Member {
  const out: Auth0Member = {};
  if (fields.has('user_id')) out.user_id = user.user_id;
  if (fields.has('email')) out.email = user.email;
  if (fields.has('picture')) out.picture = user.picture;
  if (fields.has('name')) out.name = user.name;
  if (fields.has('roles')) {
    out.roles = membership.role_ids.map((id) => ({ id, name: roles.get(id)!.name }));
  }
  return out;
}
