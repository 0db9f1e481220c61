import type { EmulatorRequest, Route } from '../emulator-server';
import type { Auth0Membership } from './auth0-data';
import { auth0Error } from './auth0-dialect';
import type { Auth0Lookup } from './auth0-lookup';
import { parsePayload, type PayloadSchema } from './auth0-payload';
import { Auth0RequestError, guard, organizationIdParam } from './auth0-query';

const MEMBERS = (verb: 'add to' | 'remove from'): PayloadSchema => ({
  properties: {
    members: {
      type: 'string[]',
      description: `List of user IDs to ${verb} the organization${verb === 'add to' ? ' as members' : ''}.`,
    },
  },
  required: ['members'],
});

const ROLES = (verb: 'associated with' | 'remove from'): PayloadSchema => ({
  properties: {
    roles: {
      type: 'string[]',
      description:
        verb === 'associated with'
          ? 'List of roles IDs to associated with the user.'
          : 'List of roles IDs associated with the organization member to remove.',
    },
  },
  required: ['roles'],
});

/**
 * Adding and removing an organization's members (`{members: [user_id...]}`) and a member's roles in it
 * (`{roles: [role_id...]}`), all answering 204 as recorded. Adding is idempotent and so is removing
 * what is not there; ids the tenant does not know are a 400, the only client error the SDKs document
 * for these bodies (the wording is not recorded). Assigning roles to a user who is not yet a member
 * makes them one: the recordings assign roles first, add the member second, and then list the member
 * with those roles.
 */
export function memberWriteRoutes(lookup: Auth0Lookup): Route[] {
  const users = new Set(lookup.data.users.map((u) => u.user_id));
  const roles = new Set(lookup.data.roles.map((r) => r.id));
  const membershipsOf = (organizationId: string) =>
    (lookup.data.memberships[organizationId] ??= []);
  /** Path (400), then body (400), then organization (404), as for every other write. */
  const parse = (request: EmulatorRequest, schema: PayloadSchema, field: 'members' | 'roles') => {
    organizationIdParam(request);
    const ids = parsePayload(request.body, schema)[field] as string[];
    return { ids: [...new Set(ids)], memberships: membershipsOf(lookup.organization(request).id) };
  };
  const requireKnown = (ids: readonly string[], known: Set<string>, what: 'users' | 'roles') => {
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new Auth0RequestError(
        auth0Error(400, `One or more ${what} do not exist: ${unknown.join(', ')}`),
      );
    }
  };
  /** A new membership joins after every existing one, so checkpoint cursors keep their order. */
  const join = (memberships: Auth0Membership[], userId: string): Auth0Membership => {
    const last = memberships.at(-1)?.created_at;
    const at = Math.max(Date.now(), last === undefined ? 0 : Date.parse(last) + 1);
    const membership: Auth0Membership = {
      user_id: userId,
      role_ids: [],
      created_at: new Date(at).toISOString(),
    };
    memberships.push(membership);
    return membership;
  };
  const noContent = { status: 204 } as const;

  return [
    {
      method: 'POST',
      pattern: '/api/v2/organizations/:id/members',
      scope: 'create:organization_members',
      handler: guard((request) => {
        const { ids, memberships } = parse(request, MEMBERS('add to'), 'members');
        requireKnown(ids, users, 'users');
        for (const id of ids) {
          if (!memberships.some((m) => m.user_id === id)) join(memberships, id);
        }
        return noContent;
      }),
    },
    {
      method: 'DELETE',
      pattern: '/api/v2/organizations/:id/members',
      scope: 'delete:organization_members',
      handler: guard((request) => {
        const { ids, memberships } = parse(request, MEMBERS('remove from'), 'members');
        requireKnown(ids, users, 'users');
        const kept = memberships.filter((m) => !ids.includes(m.user_id));
        memberships.splice(0, memberships.length, ...kept);
        return noContent;
      }),
    },
    {
      method: 'POST',
      pattern: '/api/v2/organizations/:id/members/:user_id/roles',
      scope: 'create:organization_member_roles',
      handler: guard((request) => {
        const { ids, memberships } = parse(request, ROLES('associated with'), 'roles');
        requireKnown([request.params.user_id], users, 'users');
        requireKnown(ids, roles, 'roles');
        const membership =
          memberships.find((m) => m.user_id === request.params.user_id) ??
          join(memberships, request.params.user_id);
        for (const id of ids) if (!membership.role_ids.includes(id)) membership.role_ids.push(id);
        return noContent;
      }),
    },
    {
      method: 'DELETE',
      pattern: '/api/v2/organizations/:id/members/:user_id/roles',
      scope: 'delete:organization_member_roles',
      handler: guard((request) => {
        const { ids, memberships } = parse(request, ROLES('remove from'), 'roles');
        requireKnown(ids, roles, 'roles');
        const membership = memberships.find((m) => m.user_id === request.params.user_id);
        if (membership) membership.role_ids = membership.role_ids.filter((id) => !ids.includes(id));
        return noContent;
      }),
    },
  ];
}
