import { DatadogEmulator } from '../../src/emulators/datadog/datadog-emulator';
import {
  datadogResetDelay,
  remainingListingCalls,
} from '../../src/providers/datadog/datadog-client';
import { clientFor, LIST, listQueries } from './datadog-fixtures';

describe('DatadogClient', () => {
  const emulator = new DatadogEmulator({ seed: 42, size: 12 });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('lists one page with both keys, the limit and offset', async () => {
    const page = await clientFor(emulator).listOrgConnections({ limit: 5, offset: 5 });
    expect(page.data.map((c) => c.id)).toEqual(
      emulator.data.connections.slice(5, 10).map((c) => c.id),
    );
    expect(page.meta?.page?.total_count).toBe(emulator.data.connections.length);
    expect(listQueries(emulator)).toEqual(['limit=5&offset=5']);
  });

  it('passes source and sink filters as source_org_id and sink_org_id', async () => {
    const [first] = emulator.data.connections;
    const source = first.relationships.source_org!.data.id;
    const sink = first.relationships.sink_org!.data.id;
    const page = await clientFor(emulator).listOrgConnections({
      sourceOrgId: source,
      sinkOrgId: sink,
      limit: 1000,
      offset: 0,
    });
    expect(page.data.map((c) => c.id)).toEqual([first.id]);
    expect(listQueries(emulator)).toEqual([
      `limit=1000&offset=0&source_org_id=${source}&sink_org_id=${sink}`,
    ]);
  });

  it('follows pages until total_filtered_count, fetching known pages together', async () => {
    const all = await clientFor(emulator, { pageSize: 5 }).allOrgConnections({});
    expect(emulator.data.connections).toHaveLength(18);
    expect(all.connections.map((c) => c.id)).toEqual(emulator.data.connections.map((c) => c.id));
    expect(all.totalCount).toBe(18);
    expect(all.totalFilteredCount).toBe(18);
    // 18 rows in pages of 5: offsets 0, 5, 10, 15 and no empty page after.
    expect(listQueries(emulator).sort()).toEqual(
      ['limit=5&offset=0', 'limit=5&offset=10', 'limit=5&offset=15', 'limit=5&offset=5'].sort(),
    );
  });

  it('stops at total_filtered_count when the last page is exactly full', async () => {
    const all = await clientFor(emulator, { pageSize: 6 }).allOrgConnections({});
    expect(all.connections).toHaveLength(18);
    expect(emulator.counter.count(LIST)).toBe(3);
  });

  it('follows a filtered listing and reuses a first page it is given', async () => {
    const client = clientFor(emulator, { pageSize: 5 });
    const first = await client.listOrgConnections({ limit: 5, offset: 0 });
    const all = await client.allOrgConnections({}, first);
    expect(all.connections).toHaveLength(18);
    expect(emulator.counter.count(LIST)).toBe(4);

    emulator.reset();
    const org = emulator.data.orgs[0].id;
    const expected = emulator.data.connections.filter(
      (c) => c.relationships.sink_org?.data.id === org,
    );
    const sinkOf = await clientFor(emulator, { pageSize: 1 }).allOrgConnections({ sinkOrgId: org });
    expect(sinkOf.connections.map((c) => c.id)).toEqual(expected.map((c) => c.id));
    expect(sinkOf.totalFilteredCount).toBe(expected.length);
    expect(emulator.counter.count(LIST)).toBe(expected.length);
  });

  it('reads X-RateLimit-Reset as seconds until the reset', () => {
    expect(datadogResetDelay(new Headers({ 'X-RateLimit-Reset': '7' }))).toBe(7000);
    expect(datadogResetDelay(new Headers({ 'X-RateLimit-Reset': 'soon' }))).toBeUndefined();
    expect(datadogResetDelay(new Headers())).toBeUndefined();
  });

  it('counts the calls left after a first page', () => {
    const page = (rows: number, total?: number) => ({
      data: Array.from({ length: rows }, () => ({}) as never),
      meta: total === undefined ? undefined : { page: { total_count: total } },
    });
    expect(remainingListingCalls(page(18, 18), 1000)).toBe(0);
    expect(remainingListingCalls(page(1000, 1000), 1000)).toBe(0);
    expect(remainingListingCalls(page(1000, 2100), 1000)).toBe(2);
    expect(remainingListingCalls(page(1000), 1000)).toBeUndefined();
  });
});
