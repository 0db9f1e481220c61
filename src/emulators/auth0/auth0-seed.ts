import { SeededRandom } from '../random';
import { organizationName, personName, slug } from '../shared-names';
import type { TenantSeed } from '../tenant';
import type {
  Auth0AccessLevel,
  Auth0Connection,
  Auth0Data,
  Auth0Membership,
  Auth0Organization,
  Auth0OrganizationConnectionSettings,
  Auth0Role,
  Auth0User,
} from './auth0-data';

const CONNECTIONS: ReadonlyArray<Omit<Auth0Connection, 'id'>> = [
  { name: 'Username-Password-Authentication', strategy: 'auth0' },
  { name: 'google-oauth2', strategy: 'google-oauth2' },
  { name: 'acme-saml', strategy: 'samlp' },
  { name: 'corp-ad', strategy: 'ad' },
  { name: 'azure-ad', strategy: 'waad' },
  { name: 'passwordless-email', strategy: 'email' },
];

const ROLES: ReadonlyArray<Omit<Auth0Role, 'id'>> = [
  { name: 'admin', description: 'Manages the organization, its members and connections' },
  { name: 'viewer', description: 'Reads organization data' },
  { name: 'billing-manager', description: 'Manages invoices and payment methods' },
  { name: 'support', description: 'Answers tickets on behalf of the organization' },
];

const ACCESS_LEVELS: readonly Auth0AccessLevel[] = ['none', 'readonly', 'limited', 'full'];
const REGIONS = ['eu', 'us', 'apac'];
const TIERS = ['free', 'pro', 'enterprise'];
/** The recordings' first checkpoint timestamp; later records are created after it. */
const EPOCH = Date.UTC(2023, 2, 14, 11, 17, 19, 466);

/**
 * A deterministic tenant: the same seed and size always give the same organizations, connections,
 * users, memberships and roles. Display names start a third of the way into the shared name list (past
 * `nameOffset`) so they overlap only partly with the other providers' organizations.
 */
export function seedAuth0(options: TenantSeed): Auth0Data {
  const rng = new SeededRandom(options.seed);
  const usedIds = new Set<string>();
  const uniqueId = (prefix: string, make: () => string): string => {
    for (;;) {
      const id = prefix + make();
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };

  const connections = CONNECTIONS.map((c) => ({
    id: uniqueId('con_', () => rng.alphanumeric(16)),
    ...c,
  }));
  const roles = ROLES.map((r) => ({ id: uniqueId('rol_', () => rng.alphanumeric(16)), ...r }));
  const users = seedUsers(rng, Math.max(6, Math.ceil(options.size * 1.5)), uniqueId);

  const organizations: Auth0Organization[] = [];
  const organizationCreatedAt: Record<string, string> = {};
  const organizationConnections: Record<string, Auth0OrganizationConnectionSettings[]> = {};
  const memberships: Record<string, Auth0Membership[]> = {};
  const first = (options.nameOffset ?? 0) + Math.floor(options.size / 3);
  let createdAt = EPOCH;

  for (let i = 0; i < options.size; i++) {
    const organization = seedOrganization(rng, organizationName(first + i), uniqueId);
    organizations.push(organization);
    createdAt += rng.int(1, 3600) * 1000 + rng.int(0, 999);
    organizationCreatedAt[organization.id] = new Date(createdAt).toISOString();
    organizationConnections[organization.id] = seedOrganizationConnections(
      rng,
      organization,
      connections,
    );
    memberships[organization.id] = seedMemberships(rng, users, roles, createdAt);
  }

  return {
    organizations,
    organizationCreatedAt,
    connections,
    organizationConnections,
    roles,
    users,
    memberships,
  };
}

function seedUsers(
  rng: SeededRandom,
  count: number,
  uniqueId: (prefix: string, make: () => string) => string,
): Auth0User[] {
  return Array.from({ length: count }, (_, i) => {
    const { firstName, lastName } = personName(i);
    // personName repeats after 400 people; a number keeps emails unique beyond that.
    const lap = Math.floor(i / 400);
    const local = `${firstName}.${lastName}${lap > 0 ? lap + 1 : ''}`.toLowerCase();
    const initials = `${firstName[0]}${lastName[0]}`.toLowerCase();
    return {
      user_id: uniqueId('auth0|', () => hex(rng, 24)),
      email: `${local}@example.com`,
      picture: `https://cdn.auth0.com/avatars/${initials}.png`,
      name: `${firstName} ${lastName}`,
    };
  });
}

function seedOrganization(
  rng: SeededRandom,
  displayName: string,
  uniqueId: (prefix: string, make: () => string) => string,
): Auth0Organization {
  const name = slug(displayName);
  const organization: Auth0Organization = {
    id: uniqueId('org_', () => rng.alphanumeric(16)),
    name,
    display_name: displayName,
  };
  if (rng.bool(0.7)) {
    organization.branding = { logo_url: `https://cdn.example.com/logos/${name}.png` };
    if (rng.bool(0.6)) {
      organization.branding.colors = { primary: color(rng), page_background: color(rng) };
    }
  }
  if (rng.bool(0.6)) {
    organization.metadata = { region: rng.pick(REGIONS), tier: rng.pick(TIERS) };
    if (rng.bool(0.5)) organization.metadata.crm_id = `CRM-${rng.int(10000, 99999)}`;
  }
  return organization;
}

function seedOrganizationConnections(
  rng: SeededRandom,
  organization: Auth0Organization,
  connections: Auth0Connection[],
): Auth0OrganizationConnectionSettings[] {
  return sample(rng, connections, rng.int(1, 4)).map((connection) => {
    const settings: Auth0OrganizationConnectionSettings = {
      connection_id: connection.id,
      assign_membership_on_login: rng.bool(0.5),
      show_as_button: rng.bool(0.8),
      organization_access_level: rng.pick(ACCESS_LEVELS),
      is_enabled: rng.bool(0.85),
    };
    if (connection.strategy === 'auth0') settings.is_signup_enabled = rng.bool(0.5);
    if (rng.bool(0.4)) {
      settings.organization_connection_name = `${organization.name}-${connection.strategy}`.slice(
        0,
        50,
      );
    }
    return settings;
  });
}

function seedMemberships(
  rng: SeededRandom,
  users: Auth0User[],
  roles: Auth0Role[],
  organizationCreatedAt: number,
): Auth0Membership[] {
  // Drawn from a pool only 1.5 times the number of organizations, so many users join several.
  let joinedAt = organizationCreatedAt;
  return sample(rng, users, rng.int(1, 5)).map((user) => {
    joinedAt += rng.int(1, 86_400) * 1000;
    return {
      user_id: user.user_id,
      role_ids: sample(rng, roles, rng.int(0, 2)).map((r) => r.id),
      created_at: new Date(joinedAt).toISOString(),
    };
  });
}

/** `count` distinct items in a random order. */
function sample<T>(rng: SeededRandom, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) {
    picked.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
  }
  return picked;
}

function hex(rng: SeededRandom, length: number): string {
  return Array.from({ length }, () => rng.int(0, 15).toString(16)).join('');
}

function color(rng: SeededRandom): string {
  return `#${hex(rng, 6).toUpperCase()}`;
}
