import type { Organization } from '../../../../src/graph/organization/organization.type';
import { mapOrganization } from '../../../../src/providers/crux/crux-mapper';
import type { CruxConnection, CruxOrganization } from '../../../../src/providers/crux/crux.schemas';
import { linkCruxConnection } from './crux-linked';
import type { LinkedConnection } from './links';
import { mappedView, memoized, type ListView } from './list-view';

/**
 * Crux's connection listing in orgraph's model. Your organization is a side of every connection, so
 * the listing also names every organization there is. Indexes are built on first use, over the raw
 * rows; a row is mapped when first read, once.
 */
export class CruxView {
  readonly connections: ListView<LinkedConnection>;
  private readonly organization = memoized(mapOrganization);
  private readonly link = memoized((row: CruxConnection) =>
    linkCruxConnection(row, this.organization),
  );
  private orgRows?: Map<string, CruxOrganization>;
  private rowByKey?: Map<string, CruxConnection>;
  private rowsByOrganization?: Map<string, CruxConnection[]>;

  constructor(private readonly rows: readonly CruxConnection[]) {
    this.connections = mappedView(rows, this.link);
  }

  get isEmpty(): boolean {
    return this.rows.length === 0;
  }

  /** Organizations in order of first appearance, retailer before supplier (orgraph's order). */
  organizations(): ListView<Organization> {
    return mappedView([...this.organizationRows().values()], this.organization);
  }

  organizationOf(key: string): Organization | undefined {
    const row = this.organizationRows().get(key);
    return row && this.organization(row);
  }

  connection(key: string): LinkedConnection | undefined {
    this.rowByKey ??= new Map(this.rows.map((row) => [row.uuid, row]));
    const row = this.rowByKey.get(key);
    return row && this.link(row);
  }

  /** Connections with the organization on either side, in listing order. */
  connectionsOf(organizationKey: string): ListView<LinkedConnection> {
    if (!this.rowsByOrganization) {
      this.rowsByOrganization = new Map();
      for (const row of this.rows) {
        const sides = new Set([row.retailer.organization.uuid, row.supplier.organization.uuid]);
        for (const key of sides) {
          let list = this.rowsByOrganization.get(key);
          if (!list) this.rowsByOrganization.set(key, (list = []));
          list.push(row);
        }
      }
    }
    return mappedView(this.rowsByOrganization.get(organizationKey) ?? [], this.link);
  }

  private organizationRows(): Map<string, CruxOrganization> {
    if (!this.orgRows) {
      this.orgRows = new Map();
      for (const row of this.rows) {
        for (const org of [row.retailer.organization, row.supplier.organization]) {
          if (!this.orgRows.has(org.uuid)) this.orgRows.set(org.uuid, org);
        }
      }
    }
    return this.orgRows;
  }
}
