import type { EmulatorRequest, EmulatorResponse } from '../emulator-server';
import type { EmulatorTenant } from '../tenant';
import type { CruxData, CruxLoginJson } from './crux-data';
import type { CruxDialect } from './crux-dialect';

export interface CruxCredentials {
  token: string;
  /** The first seeded user's email. */
  username: string;
  password: string;
}

/** One Crux account: its login and token, and what it serves. */
export type CruxTenant = EmulatorTenant<CruxCredentials, CruxData>;

/**
 * `POST /organizations/user-login/`: username and password for the auth token of the account they belong
 * to. Missing fields get DRF's field errors (400); wrong ones a 401, the status Crux documents for
 * incorrect credentials.
 */
export function cruxLogin(
  request: EmulatorRequest,
  tenants: readonly CruxTenant[],
  dialect: CruxDialect,
): EmulatorResponse {
  const body = isRecord(request.body) ? request.body : {};
  const missing = (['username', 'password'] as const).filter(
    (field) => typeof body[field] !== 'string' || body[field] === '',
  );
  if (missing.length > 0) {
    return {
      status: 400,
      body: Object.fromEntries(missing.map((field) => [field, ['This field is required.']])),
    };
  }
  const tenant = tenants.find(
    ({ credentials }) =>
      body['username'] === credentials.username && body['password'] === credentials.password,
  );
  if (!tenant) return dialect.errorResponse(401, 'Unable to log in with provided credentials.');

  const { data, credentials } = tenant;
  const user = data.users[0];
  const login: CruxLoginJson = {
    auth_token: credentials.token,
    org_uuid: data.organization.uuid,
    user_uuid: user.uuid,
    retailer_uuid: data.organization.org_type === 'RETAILER' ? data.partyUuid : '',
    supplier_uuid: data.organization.org_type === 'SUPPLIER' ? data.partyUuid : '',
    org_type: data.organization.org_type,
    permission_assignments: user.permission_assignments,
  };
  return { status: 200, body: login, tenant: tenant.name };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
