import { DatadogEmulator } from '../../src/emulators/datadog/datadog-emulator';
import type { DatadogOrgConnectionListResponse } from '../../src/emulators/datadog/datadog-data';
import { seedDatadog } from '../../src/emulators/datadog/datadog-seed';
import { organizationName } from '../../src/emulators/shared-names';

async function fetchAll(emulator: DatadogEmulator, query = ''): Promise<string> {
  const response = await fetch(`${emulator.url}/api/v2/org_connections${query}`, {
    headers: {
      'DD-API-KEY': emulator.credentials.apiKey,
      'DD-APPLICATION-KEY': emulator.credentials.appKey,
    },
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe('Datadog seed', () => {
  it('names size orgs from two thirds into the shared list', () => {
    const data = seedDatadog({ seed: 42, size: 12 });
    expect(data.orgs.map((o) => o.name)).toEqual(
      Array.from({ length: 12 }, (_, i) => organizationName(8 + i)),
    );
    expect(new Set(data.orgs.map((o) => o.id)).size).toBe(12);
    expect(data.users).toHaveLength(5);
    expect(new Set(data.users.map((u) => u.name)).size).toBe(5);
    expect(data.currentOrgId).toBe(data.orgs[0].id);
  });

  it('connects distinct orgs, each pair at most once, sorted by created_at', () => {
    const data = seedDatadog({ seed: 7, size: 30 });
    expect(data.connections).toHaveLength(45);
    const orgs = new Map(data.orgs.map((o) => [o.id, o.name]));
    const users = new Map(data.users.map((u) => [u.id, u.name]));
    const pairs = new Set<string>();
    for (const { relationships: r } of data.connections) {
      const source = r.source_org!.data;
      const sink = r.sink_org!.data;
      expect(source.id).not.toBe(sink.id);
      expect(orgs.get(source.id)).toBe(source.name);
      expect(orgs.get(sink.id)).toBe(sink.name);
      expect(users.has(r.created_by!.data.id)).toBe(true);
      pairs.add(`${source.id}>${sink.id}`);
    }
    expect(pairs.size).toBe(45);
    const times = data.connections.map((c) => c.attributes.created_at);
    expect(times).toEqual([...times].sort());
  });

  it('leaves the name off some creators at the default size, as a recorded response does', () => {
    const { connections, users } = seedDatadog({ seed: 42, size: 12 });
    const nameless = connections.filter((c) => !('name' in c.relationships.created_by!.data));
    expect(nameless.length).toBeGreaterThan(0);
    expect(nameless.length).toBeLessThan(connections.length / 4);
    for (const c of nameless) {
      expect(users.map((u) => u.id)).toContain(c.relationships.created_by!.data.id);
    }
  });

  it.each([0, 1, 2, 3])('copes with tiny size %i', (size) => {
    const data = seedDatadog({ seed: 1, size });
    expect(data.orgs).toHaveLength(size);
    expect(data.connections).toHaveLength(Math.min(Math.round(1.5 * size), size * (size - 1)));
  });

  it('serves identical JSON for the same seed and different JSON for another seed', async () => {
    const emulators = [1, 1, 2].map((seed) => new DatadogEmulator({ seed }));
    await Promise.all(emulators.map((e) => e.start()));
    try {
      const [a, b, c] = await Promise.all(emulators.map((e) => fetchAll(e)));
      expect(a).toBe(b);
      expect(c).not.toBe(a);
    } finally {
      await Promise.all(emulators.map((e) => e.stop()));
    }
  });

  it('serves size 2000 in pages of at most 1000', async () => {
    const emulator = new DatadogEmulator({ size: 2000 });
    await emulator.start();
    try {
      const ids: string[] = [];
      for (let offset = 0; offset < 4000; offset += 1000) {
        const page = JSON.parse(
          await fetchAll(emulator, `?offset=${offset}`),
        ) as DatadogOrgConnectionListResponse;
        expect(page.meta?.page).toEqual({ total_count: 3000, total_filtered_count: 3000 });
        ids.push(...page.data.map((c) => c.id));
      }
      expect(ids).toHaveLength(3000);
      expect(new Set(ids).size).toBe(3000);
      expect(emulator.data.orgs[0].name).toBe(organizationName(1333));
    } finally {
      await emulator.stop();
    }
  });
});
