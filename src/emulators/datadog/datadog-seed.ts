import { SeededRandom } from '../random';
import { organizationName, personName } from '../shared-names';
import type { TenantSeed } from '../tenant';
import {
  CONNECTION_TYPES,
  type DatadogConnectionType,
  type DatadogData,
  type DatadogOrg,
  type DatadogOrgConnection,
  type DatadogUser,
} from './datadog-data';
import { randomTimestamp } from './datadog-format';

const EARLIEST = new Date('2023-01-01T00:00:00Z');
/** The recordings were made on this day; seeded connections predate it, POSTed ones come after. */
const LATEST = new Date('2025-08-26T20:19:36Z');
const USER_COUNT = 5;
/** One connection in this many has a creator without `name`, as the recorded PATCH response does. */
const NAMELESS_CREATOR_EVERY = 10;

/**
 * Datadog orgs and the connections between them. Org names start two thirds into the shared name list
 * (past `nameOffset`), so they overlap partly with the other providers' organizations (cross-provider
 * views need overlap).
 */
export function seedDatadog(options: TenantSeed): DatadogData {
  const { seed } = options;
  const size = Math.max(0, Math.floor(options.size));
  const first = (options.nameOffset ?? 0) + Math.floor((2 * size) / 3);
  const orgs: DatadogOrg[] = Array.from({ length: size }, (_, i) => ({
    id: stream(seed, 'org', i).uuid(),
    name: organizationName(first + i),
  }));
  const users: DatadogUser[] = Array.from({ length: USER_COUNT }, (_, i) => {
    // i * 21 walks first and last names together: Ada Lovelace, Grace Hopper, Alan Turing...
    const { firstName, lastName } = personName(i * 21);
    return { id: stream(seed, 'user', i).uuid(), name: `${firstName} ${lastName}` };
  });

  const rng = stream(seed, 'connections');
  const connections = pickPairs(rng, size, Math.round(1.5 * size)).map(([source, sink]) =>
    seedConnection(rng, orgs[source], orgs[sink], rng.pick(users)),
  );
  connections.sort((a, b) =>
    a.attributes.created_at === b.attributes.created_at
      ? a.id.localeCompare(b.id)
      : a.attributes.created_at.localeCompare(b.attributes.created_at),
  );
  connections.forEach((connection, i) => {
    if (i % NAMELESS_CREATOR_EVERY === 3) delete connection.relationships.created_by?.data.name;
  });

  return {
    orgs,
    users,
    currentOrgId: orgs[0]?.id ?? stream(seed, 'org', 0).uuid(),
    currentUserId: users[0].id,
    connections,
  };
}

function seedConnection(
  rng: SeededRandom,
  source: DatadogOrg,
  sink: DatadogOrg,
  creator: DatadogUser,
): DatadogOrgConnection {
  return {
    type: 'org_connection',
    id: rng.uuid(),
    attributes: {
      created_at: randomTimestamp(rng, EARLIEST, LATEST),
      connection_types: connectionTypes(rng.int(1, 7)),
    },
    relationships: {
      source_org: { data: { type: 'orgs', id: source.id, name: source.name } },
      sink_org: { data: { type: 'orgs', id: sink.id, name: sink.name } },
      created_by: { data: { type: 'users', id: creator.id, name: creator.name } },
    },
  };
}

/** A non-empty subset of the enum from a bit mask 1..7, in the spec's order. */
function connectionTypes(mask: number): DatadogConnectionType[] {
  return CONNECTION_TYPES.filter((_, bit) => (mask & (1 << bit)) !== 0);
}

/** Up to `wanted` distinct ordered (source, sink) index pairs with source !== sink. */
function pickPairs(rng: SeededRandom, size: number, wanted: number): Array<[number, number]> {
  const possible = size * (size - 1);
  const count = Math.min(wanted, possible);
  if (possible <= 4 * count) {
    // Dense (small sizes): shuffle every pair, since rejection sampling would mostly hit duplicates.
    const all: Array<[number, number]> = [];
    for (let s = 0; s < size; s++) for (let t = 0; t < size; t++) if (s !== t) all.push([s, t]);
    for (let i = all.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [all[i], all[j]] = [all[j], all[i]];
    }
    return all.slice(0, count);
  }
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  while (pairs.length < count) {
    const source = rng.int(0, size - 1);
    const sink = rng.int(0, size - 1);
    const key = source * size + sink;
    if (source === sink || seen.has(key)) continue;
    seen.add(key);
    pairs.push([source, sink]);
  }
  return pairs;
}

/** An independent generator per concern, so adding draws to one does not shift the others. */
function stream(seed: number, label: string, index = 0): SeededRandom {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (const char of `${label}#${index}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return new SeededRandom(hash >>> 0);
}
