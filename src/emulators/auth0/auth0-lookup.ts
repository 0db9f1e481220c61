import type { EmulatorRequest } from '../emulator-server';
import { auth0Error, ORGANIZATION_NOT_FOUND } from './auth0-dialect';
import type { Auth0Data, Auth0Organization } from './auth0-data';
import { Auth0RequestError, organizationIdParam } from './auth0-query';

/** Indexes over seeded data, so lookups stay cheap at a size of thousands. */
export class Auth0Lookup {
  private readonly byId: Map<string, Auth0Organization>;
  private readonly byName: Map<string, Auth0Organization>;

  constructor(readonly data: Auth0Data) {
    this.byId = new Map(data.organizations.map((o) => [o.id, o]));
    this.byName = new Map(data.organizations.map((o) => [o.name, o]));
  }

  /** The organization named by the `:id` path segment: 400 when too long, 404 when unknown. */
  organization(request: EmulatorRequest): Auth0Organization {
    const organization = this.byId.get(organizationIdParam(request));
    if (!organization) throw new Auth0RequestError(auth0Error(404, ORGANIZATION_NOT_FOUND));
    return organization;
  }

  organizationByName(name: string): Auth0Organization {
    const organization = this.byName.get(name);
    if (!organization) throw new Auth0RequestError(auth0Error(404, ORGANIZATION_NOT_FOUND));
    return organization;
  }
}
