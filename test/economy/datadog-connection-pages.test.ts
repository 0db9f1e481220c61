import { encodeGlobalId } from '../../src/model/global-id';
import { Provider } from '../../src/model/provider';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * A page of Datadog connections costs the offset pages of 1000 that cover it, fetched at multiples of
 * 1000 so that the cache, keyed by URL, serves later windows; the total comes from the page read
 * anyway (`meta.page.total_count`). Emulators at 700 organizations per provider: 1050 Datadog
 * connections, on pages at offsets 0 and 1000.
 */
const PAGE_0 = '/api/v2/org_connections?limit=1000&offset=0';
const PAGE_1 = '/api/v2/org_connections?limit=1000&offset=1000';

interface ConnectionsPage {
  connections: {
    totalCount?: number;
    hasNextPage: boolean;
    items: Array<{ nativeId: string; source?: { name: string }; createdBy?: { name: string } }>;
  };
}

const WINDOW = `query ($offset: Int!, $limit: Int!) {
  connections(filter: { providers: [DATADOG] }, offset: $offset, limit: $limit) {
    hasNextPage items { nativeId } } }`;

function datadogUrls(stack: TestStack): string[] {
  return stack.emulators.datadog.counter.requests().map((r) => r.url);
}

describe('Datadog connection pages, cache on', () => {
  let stack: TestStack;
  const ids = () => stack.emulators.datadog.data.connections.map((c) => c.id);
  const window = (offset: number, limit: number) =>
    stack.query<ConnectionsPage>(WINDOW, { offset, limit });

  beforeAll(async () => {
    stack = await startTestStack({ emulators: { size: 700 } });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.reset());

  it('the first 100 with their total, orgs and creators cost one page, not the listing', async () => {
    const { data, errors } = await stack.query<ConnectionsPage>(`{
      connections(filter: { providers: [DATADOG] }, limit: 100) {
        totalCount hasNextPage items { nativeId source { name } sink { name } createdBy { name } } } }`);
    expect(errors).toBeUndefined();
    expect(data!.connections.totalCount).toBe(1050);
    expect(data!.connections.hasNextPage).toBe(true);
    expect(data!.connections.items.map((c) => c.nativeId)).toEqual(ids().slice(0, 100));
    expect(data!.connections.items.every((c) => c.source?.name && c.createdBy?.name)).toBe(true);
    expect(datadogUrls(stack)).toEqual([PAGE_0]);
  });

  it('a window in the second page costs that page, with or without the total', async () => {
    const { data } = await window(1000, 50);
    expect(data!.connections.items.map((c) => c.nativeId)).toEqual(ids().slice(1000, 1050));
    expect(data!.connections.hasNextPage).toBe(false);
    expect(datadogUrls(stack)).toEqual([PAGE_1]);

    await stack.reset();
    const counted = await stack.query<ConnectionsPage>(`{
      connections(filter: { providers: [DATADOG] }, offset: 990, limit: 20) {
        totalCount hasNextPage items { nativeId } } }`);
    expect(counted.data!.connections.totalCount).toBe(1050);
    expect(counted.data!.connections.items.map((c) => c.nativeId)).toEqual(ids().slice(990, 1010));
    expect([...datadogUrls(stack)].sort()).toEqual([PAGE_0, PAGE_1]);
  });

  it('a walk 500 at a time costs each page of 1000 once', async () => {
    const walked: string[] = [];
    const callsPerRequest: number[] = [];
    let offset = 0;
    let more = true;
    while (more) {
      const before = stack.emulators.datadog.counter.count();
      const { data } = await window(offset, 500);
      callsPerRequest.push(stack.emulators.datadog.counter.count() - before);
      for (const c of data!.connections.items) walked.push(c.nativeId);
      more = data!.connections.hasNextPage;
      offset += 500;
    }
    expect(walked).toEqual(ids());
    expect(callsPerRequest).toEqual([1, 0, 1]);
    expect(datadogUrls(stack)).toEqual([PAGE_0, PAGE_1]);
  });

  it('a merged page that starts in Datadog’s second page costs Crux’s listing and that page', async () => {
    const crux = stack.emulators.crux.data.connections.length;
    const { data, errors } = await stack.query<ConnectionsPage>(
      `query ($offset: Int!) { connections(filter: { providers: [CRUX, DATADOG] }, offset: $offset,
        limit: 20) { hasNextPage items { nativeId } } }`,
      { offset: crux + 1010 },
    );
    expect(errors).toBeUndefined();
    expect(data!.connections.items.map((c) => c.nativeId)).toEqual(ids().slice(1010, 1030));
    expect(stack.emulators.crux.counter.count()).toBe(1);
    expect(datadogUrls(stack)).toEqual([PAGE_1]);
  });

  it('connections by ID on the first page cost that page', async () => {
    const { data } = await stack.query<{ nodes: Array<{ nativeId: string } | null> }>(
      'query ($ids: [ID!]!) { nodes(ids: $ids) { nativeId } }',
      {
        ids: ids()
          .slice(0, 10)
          .map((id) => encodeGlobalId('Connection', Provider.DATADOG, id)),
      },
    );
    expect(data!.nodes.map((n) => n?.nativeId)).toEqual(ids().slice(0, 10));
    expect(datadogUrls(stack)).toEqual([PAGE_0]);
  });
});

describe('Datadog connection pages, cache off', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({
      emulators: { size: 700 },
      configure: (config) => ({ ...config, cache: { ...config.cache, enabled: false } }),
    });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.reset());

  it('each request of a walk costs only the page that covers its window', async () => {
    const urls: string[][] = [];
    for (const offset of [0, 500, 1000]) {
      stack.emulators.datadog.counter.reset();
      await stack.query<ConnectionsPage>(WINDOW, { offset, limit: 500 });
      urls.push(datadogUrls(stack));
    }
    expect(urls).toEqual([[PAGE_0], [PAGE_0], [PAGE_1]]);
  });
});
