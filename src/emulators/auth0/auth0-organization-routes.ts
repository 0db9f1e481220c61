import type { EmulatorRequest, EmulatorResponse, Route } from '../emulator-server';
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
import { guard } from './auth0-query';

export function organizationRoutes(lookup: Auth0Lookup): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/api/v2/organizations',
      handler: guard((r) => listOrganizations(lookup, r)),
    },
    {
      method: 'GET',
      pattern: '/api/v2/organizations/name/:name',
      handler: guard((r) => ok(lookup.organizationByName(r.params.name ?? ''))),
    },
    {
      method: 'GET',
      pattern: '/api/v2/organizations/:id',
      handler: guard((r) => ok(lookup.organization(r))),
    },
  ];
}

function listOrganizations(lookup: Auth0Lookup, request: EmulatorRequest): EmulatorResponse {
  const { organizations, organizationCreatedAt } = lookup.data;
  const checkpoint = checkpointParams(request.query);
  if (!checkpoint) {
    // Offset paging reaches only the first 1000 organizations; checkpoints reach them all.
    const params = offsetParams(request.query, { reach: OFFSET_REACH });
    return offsetPage(organizations, 'organizations', params);
  }
  // Checkpoint answers are always `{organizations, next?}`, even with include_totals=true (recorded).
  const start = checkpointStart(organizations, (o) => o.id, checkpoint.fromId);
  const page = organizations.slice(start, start + checkpoint.take);
  const last = page[page.length - 1];
  // The recorded last page has no `next`; members differ (see the member routes).
  if (last && start + page.length < organizations.length) {
    return ok({
      organizations: page,
      next: encodeCursor(organizationCreatedAt[last.id], last.id),
    });
  }
  return ok({ organizations: page });
}
