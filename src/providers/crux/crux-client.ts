import type { AugmentedRequest } from '@apollo/datasource-rest';
import { z } from 'zod';
import { Provider } from '../../model/provider';
import { ProviderDataSource, type ProviderDataSourceOptions } from '../http/provider-data-source';
import {
  cruxConnectionListSchema,
  cruxOrganizationSchema,
  cruxPermissionListSchema,
  cruxPermissionsSchema,
  cruxUserListSchema,
  cruxUserSchema,
  type CruxConnection,
  type CruxOrganization,
  type CruxPermission,
  type CruxUser,
} from './crux.schemas';
import { CRUX_CACHE_TAGS } from './crux-cache-tags';
import { CRUX_ROUTES } from './crux-routes';

export interface CruxCredentials {
  token: string;
}

/** Crux Connect API v1. Its list endpoints return bare arrays with no paging: one call gets all. */
export class CruxClient extends ProviderDataSource {
  protected readonly provider = Provider.CRUX;

  constructor(
    options: ProviderDataSourceOptions,
    private readonly credentials: CruxCredentials,
  ) {
    super(options, { routes: CRUX_ROUTES, cacheTags: CRUX_CACHE_TAGS });
  }

  protected override willSendRequest(_path: string, request: AugmentedRequest): void {
    request.headers['authorization'] = `Token ${this.credentials.token}`;
    request.headers['accept'] = 'application/json';
  }

  /** GET /organizations/connections/: every direct connection of your account. */
  connections(): Promise<CruxConnection[]> {
    return this.getValidated('organizations/connections/', cruxConnectionListSchema);
  }

  /** GET /organizations/users/all/: every user on your account, with permission assignments. */
  users(): Promise<CruxUser[]> {
    return this.getValidated('organizations/users/all/', cruxUserListSchema);
  }

  /** GET /organizations/users/detail/<uuid>/ */
  user(uuid: string): Promise<CruxUser> {
    return this.getValidated(
      `organizations/users/detail/${encodeURIComponent(uuid)}/`,
      cruxUserSchema,
    );
  }

  /** GET /organizations/users/permissions/<uuid>/ */
  userPermissions(uuid: string): Promise<z.infer<typeof cruxPermissionListSchema>> {
    return this.getValidated(
      `organizations/users/permissions/${encodeURIComponent(uuid)}/`,
      cruxPermissionListSchema,
    );
  }

  /** GET /organizations/: your own organization. */
  ownOrganization(): Promise<CruxOrganization> {
    return this.getValidated('organizations/', cruxOrganizationSchema);
  }

  /** GET /organizations/all_permissions/ */
  permissions(): Promise<CruxPermission[]> {
    return this.getValidated('organizations/all_permissions/', cruxPermissionsSchema);
  }
}
