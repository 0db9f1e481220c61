import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import { Auth0Client } from '../../src/providers/auth0/auth0-client';
import { Auth0Source } from '../../src/providers/auth0/auth0-source';

const ORGS = 'GET /api/v2/organizations';
const ORG = 'GET /api/v2/organizations/:id';
const FIRST_PAGE = '/api/v2/organizations?page=0&per_page=100&include_totals=true';

/** A fresh source, as orgraph builds one per GraphQL request; no retries, so a fault is final. */
const sourceOver = (emulator: Auth0Emulator) =>
  new Auth0Source(
    new Auth0Client(
      {
        baseURL: `${emulator.url}/api/v2/`,
        retry: { retries: 0, timeoutMs: 2000, maxRetryDelayMs: 500 },
      },
      () => Promise.resolve(emulator.credentials.token),
    ),
  );

/**
 * Several organizations by id cost the first offset page, then one GET per id it misses (all at once),
 * or the listing when that takes fewer calls. 250 organizations: the checkpoint listing is 3 calls.
 */
describe('Auth0 organization lookups by id (250 organizations)', () => {
  const emulator = new Auth0Emulator({ seed: 7, size: 250 });
  const orgIds = () => emulator.data.organizations.map((o) => o.id);
  const nameOf = (id: string) => emulator.data.organizations.find((o) => o.id === id)?.name;

  const sourceFor = () => sourceOver(emulator);
  const lookUp = (source: Auth0Source, ids: string[]) =>
    Promise.all(ids.map((id) => source.organization(id)));

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('resolves 40 organizations of the first page with that page alone', async () => {
    const ids = orgIds().slice(0, 40);
    const orgs = await lookUp(sourceFor(), ids);
    expect(orgs.map((o) => o?.name)).toEqual(ids.map(nameOf));
    expect(emulator.counter.requests().map((r) => r.url)).toEqual([FIRST_PAGE]);
  });

  it('fetches the ids the first page misses one GET each, at once, when that beats the listing', async () => {
    // Each answer takes long enough for GETs sent together to overlap at the emulator.
    emulator.setKnobs({ latencyMs: 300 });
    const ids = [orgIds()[3], orgIds()[150], orgIds()[60], orgIds()[249], 'org_unknown000000000'];
    const orgs = await lookUp(sourceFor(), ids);
    expect(orgs.map((o) => o?.name ?? null)).toEqual([...ids.slice(0, 4).map(nameOf), null]);
    // 3 ids missed (one unknown: 404, null) against a listing of 3 calls: the GETs win the tie.
    expect(emulator.counter.byRoute()).toEqual({ [ORGS]: 1, [ORG]: 3 });
    // The first page, then the GETs together: two round trips, not four.
    expect(emulator.counter.peakInFlight(ORG)).toBe(3);
  });

  it('takes the listing when the missed ids outnumber its calls', async () => {
    const ids = [orgIds()[0], ...orgIds().slice(100, 104)];
    const orgs = await lookUp(sourceFor(), ids);
    expect(orgs.map((o) => o?.name)).toEqual(ids.map(nameOf));
    expect(emulator.counter.byRoute()).toEqual({ [ORGS]: 4 });
    expect(emulator.counter.count(ORG)).toBe(0);
  });

  it('answers the same organization whichever way it was fetched', async () => {
    const id = orgIds()[120];
    const byGet = (await lookUp(sourceFor(), [orgIds()[0], id]))[1];
    const fromListing = (await lookUp(sourceFor(), [id, ...orgIds().slice(200, 204)]))[0];
    const listed = (await sourceFor().organizations()).find((o) => o.key === id);
    const single = await sourceFor().organization(id);
    expect(byGet).toEqual(listed);
    expect(fromListing).toEqual(listed);
    expect(single).toEqual(listed);
  });

  it('shares the first page with the count and with pages of the same request', async () => {
    const source = sourceFor();
    expect(await source.organizationCount()).toBe(250);
    const ids = orgIds().slice(10, 30);
    expect((await lookUp(source, ids)).map((o) => o?.key)).toEqual(ids);
    expect((await source.organizationPage(0, 50)).map((o) => o.key)).toEqual(orgIds().slice(0, 50));
    expect(emulator.counter.requests().map((r) => r.url)).toEqual([FIRST_PAGE]);
  });

  it('answers from the listing once the request has started it', async () => {
    const source = sourceFor();
    await source.organizations();
    emulator.reset();
    const ids = [orgIds()[5], orgIds()[180], orgIds()[240]];
    expect((await lookUp(source, ids)).map((o) => o?.key)).toEqual(ids);
    expect(emulator.counter.count()).toBe(0);
  });

  it('answers ids that cannot be organization ids with null, and costs them nothing', async () => {
    const tooLong = `org_${'x'.repeat(47)}`;
    const source = sourceFor();
    expect(await lookUp(source, [tooLong, `${tooLong}y`])).toEqual([null, null]);
    expect(emulator.counter.count()).toBe(0);
    const orgs = await lookUp(source, [orgIds()[1], tooLong.slice(1) + 'z', orgIds()[2]]);
    expect(orgs.map((o) => o?.key ?? null)).toEqual([orgIds()[1], null, orgIds()[2]]);
    expect(emulator.counter.requests().map((r) => r.url)).toEqual([FIRST_PAGE]);
  });

  it('a failing GET fails its own id only, and is not made again in the request', async () => {
    const [failing, other] = [orgIds()[130], orgIds()[131]];
    emulator.setKnobs({
      faults: [{ route: ORG, path: `/api/v2/organizations/${failing}`, status: 500 }],
    });
    const source = sourceFor();
    const results = await Promise.allSettled(
      [orgIds()[0], failing, other].map((id) => source.organization(id)),
    );
    expect(results[0]).toMatchObject({ status: 'fulfilled', value: { key: orgIds()[0] } });
    expect(results[1]).toMatchObject({
      status: 'rejected',
      reason: { extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'AUTH0' } },
    });
    expect(results[2]).toMatchObject({ status: 'fulfilled', value: { key: other } });
    await expect(source.organization(failing)).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE' },
    });
    expect(emulator.counter.byRoute()).toEqual({ [ORGS]: 1, [ORG]: 2 });
  });
});

describe('Auth0 organization lookups by id (12 organizations)', () => {
  const emulator = new Auth0Emulator({ seed: 42, size: 12 });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());

  it('a short first page is the whole listing: an id it lacks is null without a GET', async () => {
    const source = sourceOver(emulator);
    const ids = [...emulator.data.organizations.map((o) => o.id), 'org_unknown000000000'];
    const orgs = await Promise.all(ids.map((id) => source.organization(id)));
    expect(orgs.map((o) => o?.key ?? null)).toEqual([...ids.slice(0, 12), null]);
    expect(emulator.counter.requests().map((r) => r.url)).toEqual([FIRST_PAGE]);
  });
});
