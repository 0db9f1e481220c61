import { DatadogEmulator } from '../../src/emulators/datadog/datadog-emulator';
import type { DatadogOrgConnection } from '../../src/emulators/datadog/datadog-data';
import { LIST, listQueries, sourceFor } from './datadog-fixtures';

const sourceOf = (c: DatadogOrgConnection) => c.relationships.source_org!.data.id;
const sinkOf = (c: DatadogOrgConnection) => c.relationships.sink_org!.data.id;
const involving = (connections: DatadogOrgConnection[], org: string) =>
  connections.filter((c) => sourceOf(c) === org || sinkOf(c) === org).map((c) => c.id);
const sorted = (ids: string[]) => [...ids].sort();

describe('DatadogSource (default size: 18 connections, one page)', () => {
  const emulator = new DatadogEmulator({ seed: 42, size: 12 });
  const orgs = () => emulator.data.orgs.map((o) => o.id);

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('answers connections of one org with 1 call: the probe is the whole listing', async () => {
    const source = sourceFor(emulator);
    const org = orgs()[0];
    const connections = await source.connections({ organizationKey: org });
    expect(sorted(connections.map((c) => c.key))).toEqual(
      sorted(involving(emulator.data.connections, org)),
    );
    expect(listQueries(emulator)).toEqual(['limit=1000&offset=0']);
  });

  it('answers connections of 5 orgs, batched, with 1 call', async () => {
    const source = sourceFor(emulator);
    const keys = orgs().slice(0, 5);
    const results = await Promise.all(keys.map((k) => source.connections({ organizationKey: k })));
    results.forEach((connections, i) =>
      expect(sorted(connections.map((c) => c.key))).toEqual(
        sorted(involving(emulator.data.connections, keys[i])),
      ),
    );
    expect(emulator.counter.count(LIST)).toBe(1);
  });

  it('orders connections of an org oldest first', async () => {
    const connections = await sourceFor(emulator).connections({ organizationKey: orgs()[1] });
    const times = connections.map((c) => c.createdAt!);
    expect(times).toEqual([...times].sort());
  });

  it('maps source and sink keys to one filtered call, and enabled to nothing', async () => {
    const source = sourceFor(emulator);
    const [first] = emulator.data.connections;
    const both = await source.connections({
      sourceOrganizationKey: sourceOf(first),
      sinkOrganizationKey: sinkOf(first),
    });
    expect(both.map((c) => c.key)).toEqual([first.id]);
    expect(listQueries(emulator)).toEqual([
      `limit=1000&offset=0&source_org_id=${sourceOf(first)}&sink_org_id=${sinkOf(first)}`,
    ]);
    expect(await source.connections({ enabled: true })).toEqual([]);
    expect(await source.connections({ enabled: false, organizationKey: orgs()[0] })).toEqual([]);
    expect(emulator.counter.count(LIST)).toBe(1);
  });

  it('narrows a source filter by organizationKey and answers from the listing once loaded', async () => {
    const source = sourceFor(emulator);
    const org = orgs()[2];
    const asSource = await source.connections({ sourceOrganizationKey: org });
    expect(asSource.map((c) => c.key)).toEqual(
      emulator.data.connections.filter((c) => sourceOf(c) === org).map((c) => c.id),
    );
    const other = sinkOf(emulator.data.connections.find((c) => sourceOf(c) === org)!);
    const narrowed = await source.connections({
      sourceOrganizationKey: org,
      organizationKey: other,
    });
    expect(narrowed.every((c) => c.sinkRef?.key === other)).toBe(true);
    expect(emulator.counter.count(LIST)).toBe(1); // the same filter, asked once

    await source.connections({});
    const calls = emulator.counter.count(LIST);
    const asSink = await source.connections({ sinkOrganizationKey: org });
    expect(asSink.map((c) => c.key)).toEqual(
      emulator.data.connections.filter((c) => sinkOf(c) === org).map((c) => c.id),
    );
    expect(emulator.counter.count(LIST)).toBe(calls); // filtered locally: 0 calls
  });

  it('primes orgs, users and connections from a filtered call: lookups cost nothing', async () => {
    const source = sourceFor(emulator);
    const org = orgs()[0];
    const rows = await source.connections({ sinkOrganizationKey: org });
    expect(rows.length).toBeGreaterThan(0);
    expect(emulator.counter.count(LIST)).toBe(1);

    const row = rows[0];
    const seeded = emulator.data.orgs.find((o) => o.id === row.sourceRef!.key)!;
    expect((await source.organization(row.sourceRef!.key))?.name).toBe(seeded.name);
    expect((await source.organization(org))?.key).toBe(org);
    expect((await source.user(row.createdByRef!.key))?.key).toBe(row.createdByRef!.key);
    expect(await source.connection(row.key)).toBe(row);
    expect(emulator.counter.count(LIST)).toBe(1);

    // An org no response named needs the listing, once; a missing one is null.
    expect(await source.organization('no-such-org')).toBeNull();
    expect(await source.connection('no-such-connection')).toBeNull();
    expect(await source.user('no-such-user')).toBeNull();
    expect(emulator.counter.count(LIST)).toBe(2);
  });

  it('answers every lookup of a request from one listing', async () => {
    const source = sourceFor(emulator);
    const wire = emulator.data.connections[4];
    const creator = wire.relationships.created_by!.data.id;
    const [orgList, users, connection, byCreator] = await Promise.all([
      source.organizations(),
      source.users(),
      source.connection(wire.id),
      source.connectionsCreatedBy(creator),
    ]);
    expect(orgList.length).toBeGreaterThan(0);
    expect(users.length).toBeGreaterThan(0);
    expect(connection?.key).toBe(wire.id);
    expect(sorted(byCreator.map((c) => c.key))).toEqual(
      sorted(
        emulator.data.connections
          .filter((c) => c.relationships.created_by?.data.id === creator)
          .map((c) => c.id),
      ),
    );
    expect(emulator.counter.count(LIST)).toBe(1);
  });

  it('has no members, permissions or user orgs', async () => {
    const source = sourceFor(emulator);
    expect(await source.usersOfOrganization()).toEqual([]);
    expect(await source.organizationsOfUser()).toEqual([]);
    expect(await source.permissions()).toEqual([]);
    expect(await source.permission()).toBeNull();
    expect(await source.usersWithPermission()).toEqual([]);
    expect(emulator.counter.count()).toBe(0);
  });
});

describe('DatadogSource cost strategy (size 1400: 2100 connections, 3 pages)', () => {
  const emulator = new DatadogEmulator({ seed: 42, size: 1400 });
  const orgs = () => emulator.data.orgs.map((o) => o.id);

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('seeds 2100 connections', () => {
    expect(emulator.data.connections).toHaveLength(2100);
  });

  it('n=1: probe, then 2 pages left vs 2 filtered calls, a tie: the listing, 3 calls', async () => {
    const source = sourceFor(emulator);
    const org = orgs()[7];
    const connections = await source.connections({ organizationKey: org });
    expect(sorted(connections.map((c) => c.key))).toEqual(
      sorted(involving(emulator.data.connections, org)),
    );
    expect(sorted(listQueries(emulator))).toEqual(
      sorted(['limit=1000&offset=0', 'limit=1000&offset=1000', 'limit=1000&offset=2000']),
    );
    // The tie went to the listing, so everything else is free now.
    await source.organizations();
    await source.organization(orgs()[1000]);
    expect(emulator.counter.count(LIST)).toBe(3);
  });

  it('n=5: the 3 pages of the listing', async () => {
    const source = sourceFor(emulator);
    const keys = orgs().slice(0, 5);
    const results = await Promise.all(keys.map((k) => source.connections({ organizationKey: k })));
    results.forEach((connections, i) =>
      expect(sorted(connections.map((c) => c.key))).toEqual(
        sorted(involving(emulator.data.connections, keys[i])),
      ),
    );
    expect(emulator.counter.count(LIST)).toBe(3);
  });

  it('n=1 with the total known from an earlier call: 2 filtered calls, no probe', async () => {
    const source = sourceFor(emulator);
    const [a, b] = orgs();
    await source.connections({ sourceOrganizationKey: a, sinkOrganizationKey: b });
    emulator.counter.reset();
    const connections = await source.connections({ organizationKey: orgs()[9] });
    expect(sorted(connections.map((c) => c.key))).toEqual(
      sorted(involving(emulator.data.connections, orgs()[9])),
    );
    // 3 pages vs 2 filtered calls.
    expect(sorted(listQueries(emulator))).toEqual(
      sorted([
        `limit=1000&offset=0&source_org_id=${orgs()[9]}`,
        `limit=1000&offset=0&sink_org_id=${orgs()[9]}`,
      ]),
    );
  });

  it('n=1 with one side already fetched: 1 filtered call', async () => {
    const source = sourceFor(emulator);
    const org = orgs()[3];
    await source.connections({ sourceOrganizationKey: org });
    const connections = await source.connections({ organizationKey: org });
    expect(sorted(connections.map((c) => c.key))).toEqual(
      sorted(involving(emulator.data.connections, org)),
    );
    expect(listQueries(emulator)).toEqual([
      `limit=1000&offset=0&source_org_id=${org}`,
      `limit=1000&offset=0&sink_org_id=${org}`,
    ]);
  });
});

describe('DatadogSource cost strategy (size 2100: 3150 connections, 4 pages)', () => {
  const emulator = new DatadogEmulator({ seed: 42, size: 2100 });
  const orgs = () => emulator.data.orgs.map((o) => o.id);

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('n=1: probe, then 3 pages left vs 2 filtered calls: filtered, 3 calls', async () => {
    const source = sourceFor(emulator);
    const org = orgs()[5];
    const connections = await source.connections({ organizationKey: org });
    expect(sorted(connections.map((c) => c.key))).toEqual(
      sorted(involving(emulator.data.connections, org)),
    );
    expect(sorted(listQueries(emulator))).toEqual(
      sorted([
        'limit=1000&offset=0',
        `limit=1000&offset=0&source_org_id=${org}`,
        `limit=1000&offset=0&sink_org_id=${org}`,
      ]),
    );
  });

  it('n=2: 3 pages left vs 4 filtered calls: the listing, 4 calls', async () => {
    const source = sourceFor(emulator);
    const keys = orgs().slice(0, 2);
    const results = await Promise.all(keys.map((k) => source.connections({ organizationKey: k })));
    results.forEach((connections, i) =>
      expect(sorted(connections.map((c) => c.key))).toEqual(
        sorted(involving(emulator.data.connections, keys[i])),
      ),
    );
    expect(emulator.counter.count(LIST)).toBe(4);
    expect(listQueries(emulator).every((q) => !q.includes('org_id'))).toBe(true);
  });

  it('returns the same rows in the same order whichever way it fetched them', async () => {
    const org = orgs()[11];
    const filtered = await sourceFor(emulator).connections({ organizationKey: org });
    const fromListing = sourceFor(emulator);
    await fromListing.connections({});
    expect(await fromListing.connections({ organizationKey: org })).toEqual(filtered);
  });
});
