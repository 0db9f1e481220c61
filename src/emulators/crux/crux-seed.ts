import { SeededRandom } from '../random';
import { organizationName, slug } from '../shared-names';
import type { TenantSeed } from '../tenant';
import type {
  CruxAccountManagerJson,
  CruxConnectionJson,
  CruxConnectionStatus,
  CruxData,
  CruxOrganizationJson,
  CruxOrganizationStatus,
  CruxOrgType,
  CruxPermissionJson,
  CruxUserJson,
  CruxUserStatus,
} from './crux-data';
import { cruxTimestamp, cruxWebsite } from './crux-format';
import { DISTINCT_NAMES, seedAccountManagers, seedPerson } from './crux-people';
import { seedPermissions } from './crux-permissions';

const EARLIEST = new Date('2017-01-01T00:00:00Z');
const LATEST = new Date('2024-06-30T00:00:00Z');
/** The first users are the account's owners; they double as its contacts on connections. */
const OWNER_COUNT = 3;

/**
 * One Crux account, a retailer, with `size` supplier connections and its users. Each partner and each
 * user draws from its own stream, so a bigger `size` only appends: the first partners stay the same.
 * Names come from the shared list from `nameOffset` on: the account first, then its partners.
 */
export function seedCrux(options: TenantSeed): CruxData {
  const { seed, size } = options;
  const nameOffset = options.nameOffset ?? 0;
  const accountManagers = seedAccountManagers(stream(seed, 'account-managers'));
  const permissions = seedPermissions(stream(seed, 'permissions'));

  const accountRng = stream(seed, 'account');
  const organization = seedOrganization(
    accountRng,
    nameOffset,
    'RETAILER',
    accountManagers,
    'ACTIVE',
  );
  organization.account_manager = accountManagers[0]!;
  const partyUuid = accountRng.uuid();

  const domain = `${slug(organization.name)}.example.com`;
  const userCount = Math.max(OWNER_COUNT, Math.ceil(size / 2));
  const users = Array.from({ length: userCount }, (_, i) =>
    seedUser(stream(seed, 'user', i), i, domain, permissions),
  );

  const partners: CruxOrganizationJson[] = [];
  const connections: CruxConnectionJson[] = [];
  for (let i = 1; i <= size; i++) {
    const rng = stream(seed, 'partner', i);
    const partner = seedOrganization(rng, nameOffset + i, 'SUPPLIER', accountManagers);
    partners.push(partner);
    connections.push({
      uuid: rng.uuid(),
      retailer: {
        uuid: partyUuid,
        organization,
        contact: users[rng.int(0, OWNER_COUNT - 1)].person,
      },
      supplier: {
        uuid: rng.uuid(),
        organization: partner,
        contact: seedPerson(rng, {
          nameIndex: rng.int(0, DISTINCT_NAMES - 1),
          domain: `${slug(partner.name)}.example.com`,
        }),
      },
      status: connectionStatus(rng, partner.status),
      account_manager: rng.bool(0.2)
        ? null
        : rng.bool(0.7)
          ? accountManagers[0]
          : rng.pick(accountManagers),
      suppliers_retailer_account_number: String(rng.int(10000, 99999)),
      retailers_supplier_account_number: String(rng.int(10000, 99999)),
    });
  }

  return { organization, partyUuid, partners, connections, users, permissions, accountManagers };
}

/** An independent generator per concern and index, derived from the seed (FNV-1a). */
function stream(seed: number, label: string, index = 0): SeededRandom {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const char of `${label}#${index}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return new SeededRandom(hash >>> 0);
}

function seedOrganization(
  rng: SeededRandom,
  nameIndex: number,
  orgType: CruxOrgType,
  accountManagers: CruxAccountManagerJson[],
  status: CruxOrganizationStatus = weighted(rng, { ACTIVE: 75, PENDING: 12, DEACTIVATED: 13 }),
): CruxOrganizationJson {
  const name = organizationName(nameIndex);
  const created = rng.date(EARLIEST, LATEST);
  return {
    uuid: rng.uuid(),
    name,
    website: cruxWebsite(rng, `${slug(name)}.example.com`),
    org_type: orgType,
    status,
    created_date: cruxTimestamp(rng, created),
    active_date: status === 'PENDING' ? null : cruxTimestamp(rng, rng.date(created, LATEST)),
    account_manager: rng.bool(1 / 3) ? null : rng.pick(accountManagers),
  };
}

/** A connection can't be further along than the partner organization it links to. */
function connectionStatus(
  rng: SeededRandom,
  partnerStatus: CruxOrganizationStatus,
): CruxConnectionStatus {
  if (partnerStatus === 'PENDING') return 'CONFIRMATION WAITING';
  if (partnerStatus === 'DEACTIVATED') return 'DEACTIVATED';
  return weighted(rng, { ACTIVE: 80, 'CONFIRMATION WAITING': 10, DEACTIVATED: 10 });
}

function seedUser(
  rng: SeededRandom,
  index: number,
  domain: string,
  permissions: CruxPermissionJson[],
): CruxUserJson {
  const uuid = rng.uuid();
  const owner = index < OWNER_COUNT;
  const person = seedPerson(rng, {
    // A stride coprime with DISTINCT_NAMES visits every name once, without a run of one last name.
    nameIndex: (index * 21) % DISTINCT_NAMES,
    lap: Math.floor(index / DISTINCT_NAMES),
    domain,
    nullPhone: 0.15,
    nullJobTitle: owner ? 0 : 0.25,
  });
  // The first user is the one who logs in: active and allowed everything.
  const status: CruxUserStatus =
    index === 0
      ? 'ACTIVE'
      : weighted(rng, { ACTIVE: 80, 'CONFIRMATION WAITING': 12, DEACTIVATED: 8 });
  return {
    uuid,
    person,
    permission_assignments: {
      permissions: permissions.map((permission) => ({
        assigned: index === 0 || rng.bool(owner ? 0.8 : 0.4),
        permission,
      })),
      org_user: { uuid },
    },
    status,
  };
}

function weighted<T extends string>(rng: SeededRandom, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  let roll = rng.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1][0];
}
