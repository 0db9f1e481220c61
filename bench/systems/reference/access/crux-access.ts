import type { Organization } from '../../../../src/graph/organization/organization.type';
import type { User } from '../../../../src/graph/user/user.type';
import { Provider } from '../../../../src/model/provider';
import { mapOrganization, mapUser } from '../../../../src/providers/crux/crux-mapper';
import type { CruxUser } from '../../../../src/providers/crux/crux.schemas';
import type { CruxApi } from '../api/crux-api';
import { CruxView } from '../model/crux-view';
import type { LinkedConnection } from '../model/links';
import { mappedView, memoized, type ListView } from '../model/list-view';
import { wholeListPart, type ProviderAccess } from './provider-access';
import type { Strategy } from './strategy';

interface CruxUsers {
  rows: CruxUser[];
  map: (row: CruxUser) => User;
}

/** Crux: two unpaged lists (connections, users) answer everything; your own org by GET when needed. */
export class CruxAccess implements ProviderAccess {
  readonly provider = Provider.CRUX;
  readonly organizations = wholeListPart(() => this.organizationList());
  readonly connections = wholeListPart(async () => (await this.view()).connections);
  readonly users = wholeListPart(async () => {
    const { rows, map } = await this.userRows();
    return mappedView(rows, map);
  });

  constructor(
    private readonly api: CruxApi,
    private readonly strategy: Strategy,
  ) {}

  organizationsByKey(keys: readonly string[]): Promise<Array<Organization | null>> {
    return Promise.all(keys.map((key) => this.organization(key)));
  }

  async connectionsByKey(keys: readonly string[]): Promise<Array<LinkedConnection | null>> {
    return Promise.all(keys.map(async (key) => (await this.view()).connection(key) ?? null));
  }

  async user(key: string): Promise<User | null> {
    const { rows, map } = await this.userRows();
    const row = rows.find((u) => u.uuid === key);
    return row ? map(row) : null;
  }

  async connectionsOf(organizationKey: string): Promise<ListView<LinkedConnection>> {
    return (await this.view()).connectionsOf(organizationKey);
  }

  async usersWithPermission(permissionKey: string): Promise<User[]> {
    const { rows, map } = await this.userRows();
    return rows
      .filter((u) =>
        u.permission_assignments.permissions.some(
          (a) => a.assigned && a.permission.uuid === permissionKey,
        ),
      )
      .map(map);
  }

  private async organization(key: string): Promise<Organization | null> {
    const listed = (await this.view()).organizationOf(key);
    if (listed) return listed;
    const own = await this.ownOrganization();
    return own.key === key ? own : null;
  }

  /** orgraph's list: the organizations the connections name, or yours alone when there are none. */
  private organizationList(): Promise<ListView<Organization>> {
    return this.strategy.once('crux:organizations', async () => {
      const view = await this.view();
      return view.isEmpty ? [await this.ownOrganization()] : view.organizations();
    });
  }

  private view(): Promise<CruxView> {
    return this.strategy.once(
      'crux:connections',
      async () => new CruxView(await this.api.connections()),
    );
  }

  private userRows(): Promise<CruxUsers> {
    return this.strategy.once('crux:users', async () => ({
      rows: await this.api.users(),
      map: memoized(mapUser),
    }));
  }

  private ownOrganization(): Promise<Organization> {
    return this.strategy.once('crux:own', async () =>
      mapOrganization(await this.api.ownOrganization()),
    );
  }
}
