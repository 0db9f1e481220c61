import { DatadogEmulator } from '../../src/emulators/datadog/datadog-emulator';
import { DatadogClient } from '../../src/providers/datadog/datadog-client';
import { DatadogSource } from '../../src/providers/datadog/datadog-source';
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-http';
import { LIST, listQueries, sourceFor, TEST_RETRY } from './datadog-fixtures';

/**
 * The unfiltered connection listing a window at a time, over HTTP to the emulator with pages of 5:
 * 18 connections on pages at offsets 0, 5, 10 and 15.
 */
describe('DatadogSource connection pages (18 connections, pages of 5)', () => {
  const emulator = new DatadogEmulator({ seed: 42, size: 12 });
  const ids = () => emulator.data.connections.map((c) => c.id);
  const pagesOf = (source: DatadogSource) => source.connectionPages();
  const sorted = (items: string[]) => [...items].sort();

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('counts from the first page’s total: 1 call', async () => {
    expect(await pagesOf(sourceFor(emulator, 5)).count()).toBe(18);
    expect(listQueries(emulator)).toEqual(['limit=5&offset=0']);
  });

  it('a window costs the pages that cover it, in the full listing’s order', async () => {
    const window = await pagesOf(sourceFor(emulator, 5)).page(7, 5);
    expect(window.map((c) => c.key)).toEqual(ids().slice(7, 12));
    expect(sorted(listQueries(emulator))).toEqual(['limit=5&offset=10', 'limit=5&offset=5']);
  });

  it('a count told where the window starts reads the page the window then reuses: 1 call', async () => {
    const pages = pagesOf(sourceFor(emulator, 5));
    expect(await pages.count(12)).toBe(18);
    const window = await pages.page(12, 6);
    expect(window.map((c) => c.key)).toEqual(ids().slice(12, 18));
    expect(sorted(listQueries(emulator))).toEqual(['limit=5&offset=10', 'limit=5&offset=15']);
  });

  it('a window past the end is empty, and its count is still right', async () => {
    const pages = pagesOf(sourceFor(emulator, 5));
    expect(await pages.count(40)).toBe(18);
    expect(await pages.page(40, 5)).toEqual([]);
    expect(listQueries(emulator)).toEqual(['limit=5&offset=40']);
  });

  it('answers from the full listing once the request has it: no more calls', async () => {
    const source = sourceFor(emulator, 5);
    const all = await source.connections({});
    expect(emulator.counter.count(LIST)).toBe(4);
    const pages = pagesOf(source);
    expect(await pages.count(7)).toBe(18);
    expect(await pages.page(3, 10)).toEqual(all.slice(3, 13));
    expect(emulator.counter.count(LIST)).toBe(4);
  });

  it('primes the orgs, users and connections a window’s pages name: lookups cost nothing', async () => {
    const source = sourceFor(emulator, 5);
    const [first] = await pagesOf(source).page(12, 1);
    const wire = emulator.data.connections[12];
    expect(first.key).toBe(wire.id);
    expect(await source.connection(ids()[14])).toMatchObject({ key: ids()[14] });
    const sourceOrg = wire.relationships.source_org!.data;
    expect(await source.organization(sourceOrg.id)).toMatchObject({ name: sourceOrg.name });
    const creator = wire.relationships.created_by!.data.id;
    expect(await source.user(creator)).toMatchObject({ key: creator });
    expect(listQueries(emulator)).toEqual(['limit=5&offset=10']);
  });

  it('a lookup by id the first page answers costs that page; one beyond it, the listing', async () => {
    const early = sourceFor(emulator, 5);
    expect(await early.connection(ids()[2])).toMatchObject({ key: ids()[2] });
    const org = emulator.data.connections[0].relationships.sink_org!.data;
    expect(await early.organization(org.id)).toMatchObject({ name: org.name });
    expect(listQueries(emulator)).toEqual(['limit=5&offset=0']);

    emulator.counter.reset();
    const late = sourceFor(emulator, 5);
    expect(await late.connection(ids()[16])).toMatchObject({ key: ids()[16] });
    expect(sorted(listQueries(emulator))).toEqual(
      sorted(['limit=5&offset=0', 'limit=5&offset=5', 'limit=5&offset=10', 'limit=5&offset=15']),
    );
  });
});

describe('DatadogSource connection pages without meta.page (the contract allows it)', () => {
  const emulator = new DatadogEmulator({ seed: 42, size: 12 });
  let bare: LoopbackServer;

  beforeAll(async () => {
    await emulator.start();
    // Datadog's rows, offset-paged, with `data` only.
    bare = await startLoopbackServer((request, response) => {
      const query = new URL(request.path, 'http://loopback').searchParams;
      const offset = Number(query.get('offset'));
      const data = emulator.data.connections.slice(offset, offset + Number(query.get('limit')));
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data }));
    });
  });
  afterAll(async () => {
    await bare.stop();
    await emulator.stop();
  });

  it('counts from the whole listing, which then answers every window', async () => {
    const client = new DatadogClient(
      { baseURL: bare.origin, retry: TEST_RETRY },
      { apiKey: 'k', appKey: 'a' },
      5,
    );
    const pages = new DatadogSource(client).connectionPages();
    expect(await pages.count(7)).toBe(18);
    // The page the window starts in, then the listing: pages until a short one.
    const offsets = bare.requests.map((r) =>
      new URL(r.path, 'http://l').searchParams.get('offset'),
    );
    expect(offsets).toEqual(['5', '0', '5', '10', '15']);
    const window = await pages.page(7, 5);
    expect(window.map((c) => c.key)).toEqual(
      emulator.data.connections.slice(7, 12).map((c) => c.id),
    );
    expect(bare.requests).toHaveLength(5);
  });
});
