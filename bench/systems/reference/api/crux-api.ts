import type {
  CruxConnection,
  CruxOrganization,
  CruxUser,
} from '../../../../src/providers/crux/crux.schemas';
import { getJson, type GetJson } from '../http/get-json';
import type { UpstreamEnv } from '../upstream-env';

/** Crux Connect's calls. Its lists are bare, unpaged arrays: one call gets a whole list. */
export class CruxApi {
  private readonly headers: Record<string, string>;

  constructor(
    private readonly env: UpstreamEnv,
    private readonly get: GetJson = getJson,
  ) {
    this.headers = { authorization: `Token ${env.cruxToken}` };
  }

  /** Every connection, both sides with their organizations embedded. */
  async connections(): Promise<CruxConnection[]> {
    return (await this.call('/organizations/connections/')) as CruxConnection[];
  }

  async users(): Promise<CruxUser[]> {
    return (await this.call('/organizations/users/all/')) as CruxUser[];
  }

  /** Your own organization. */
  async ownOrganization(): Promise<CruxOrganization> {
    return (await this.call('/organizations/')) as CruxOrganization;
  }

  private call(path: string): Promise<unknown> {
    return this.get(`${this.env.cruxUrl}${path}`, this.headers);
  }
}
