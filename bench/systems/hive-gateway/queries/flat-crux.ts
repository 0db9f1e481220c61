import { Provider } from '../../../../src/model/provider';
import type { HiveQuery } from '../hive-query.type';
import { cruxEnum, firstPage, globalId } from '../orgraph-ids';

interface HiveOrganization {
  uuid: string;
  name: string;
  org_type?: string;
  website?: string | null;
}
interface HiveParty {
  uuid: string;
  organization: HiveOrganization;
}
interface HiveAnswer {
  cruxConnections: Array<{
    uuid: string;
    status: string;
    retailers_supplier_account_number: string | null;
    retailer: HiveParty;
    supplier: HiveParty;
  }>;
}

const organization = (org: HiveOrganization) => ({
  id: globalId('Organization', Provider.CRUX, org.uuid),
  name: org.name,
});

/** The whole query. Crux's listing is unpaged, so Hive returns every connection; the page is cut here. */
export const flatCrux: HiveQuery = {
  name: 'flat-crux',
  document: /* GraphQL */ `
    query FlatCrux {
      cruxConnections {
        uuid
        status
        retailers_supplier_account_number
        retailer {
          uuid
          organization {
            uuid
            name
            org_type
          }
        }
        supplier {
          uuid
          organization {
            uuid
            name
            website
          }
        }
      }
    }
  `,
  normalizeHive(data) {
    const page = firstPage((data as HiveAnswer).cruxConnections, 100);
    return {
      connections: {
        ...page,
        items: page.items.map((c) => ({
          id: globalId('Connection', Provider.CRUX, c.uuid),
          nativeId: c.uuid,
          status: cruxEnum(c.status),
          retailersSupplierAccountNumber: c.retailers_supplier_account_number,
          retailer: {
            uuid: c.retailer.uuid,
            organization: {
              ...organization(c.retailer.organization),
              orgType: c.retailer.organization.org_type,
            },
          },
          supplier: {
            uuid: c.supplier.uuid,
            organization: {
              ...organization(c.supplier.organization),
              website: c.supplier.organization.website ?? null,
            },
          },
        })),
      },
    };
  },
  normalizeOrgraph: (data) => data,
};
