import { API_KEY_HEADER } from '../../src/callers/caller-authenticator';
import { hashApiKey } from '../../src/callers/api-key-hash';
import { shippedOperationNames } from '../../src/metrics/shipped-operation-names';
import { ALL_PROVIDERS } from '../../src/model/provider';
import { scrapeMetrics, type MetricsScrape } from '../support/prometheus-text';
import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * GraphQL request metrics over real HTTP: each request counted once by operation name and outcome (ok,
 * partial, error, refused), with its latency and its error codes. Operation names are bounded: the
 * shipped client's are always themselves, the first 100 others keep theirs, later ones are `other`.
 */

const KEY = 'metrics-test-key-5d1c7a2e';
const REQUESTS = 'orgraph_graphql_requests_total';
const ERRORS = 'orgraph_graphql_errors_total';
/** Small enough that every provider's organizations with their names do not fit. */
const MAX_RESPONSE_BYTES = 2000;
/** Operation names the server admits besides the shipped client's. */
const MAX_OTHER_NAMES = 100;

describe('GraphQL request metrics', () => {
  let stack: TestStack;
  const auth = { [API_KEY_HEADER]: KEY };

  beforeAll(async () => {
    stack = await startTestStack({
      configure: (config) => ({
        ...config,
        limits: { ...config.limits, maxResponseBytes: MAX_RESPONSE_BYTES },
        callers: {
          apiKeys: [
            {
              id: 'metrics-test',
              sha256: hashApiKey(KEY),
              providers: [...ALL_PROVIDERS],
              ownCredentials: false,
              traces: false,
              writes: false,
            },
          ],
        },
      }),
    });
  });
  afterAll(() => stack?.stop());
  beforeEach(() => stack.reset());

  const scrape = () => scrapeMetrics(stack.server.url);
  const query = <T = Record<string, unknown>>(text: string, variables?: Record<string, unknown>) =>
    stack.query<T>(text, variables, auth);

  /** Runs `send` and returns how each request count moved, as `operation outcome` → count. */
  async function counted(send: () => Promise<unknown>): Promise<Record<string, number>> {
    const before = await scrape();
    await send();
    return moved(before, await scrape(), REQUESTS, (l) => `${l.operation} ${l.outcome}`);
  }

  it('ok, partial and error, by operation name, with a latency each', async () => {
    const before = await scrape();
    expect((await query('query Named { __typename }')).errors).toBeUndefined();
    expect((await query('{ __typename }')).errors).toBeUndefined();
    stack.emulators.crux.setKnobs({ faults: [{ status: 500 }] });
    const partial = await query<{ organizations: { totalCount: number } }>(
      'query Partial { organizations(limit: 500) { totalCount } }',
    );
    expect(partial.data!.organizations.totalCount).toBeNull();
    expect(partial.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    stack.emulators.crux.setKnobs({ faults: [] });
    const tooLarge = await query(
      'query TooLarge { organizations(limit: 500) { items { id name nativeId } } }',
    );
    expect(tooLarge.data).toBeNull();
    expect(tooLarge.errors?.map((e) => e.extensions?.code)).toEqual(['RESPONSE_TOO_LARGE']);
    const after = await scrape();

    expect(moved(before, after, REQUESTS, (l) => `${l.operation} ${l.outcome}`)).toEqual({
      'Named ok': 1,
      'anonymous ok': 1,
      'Partial partial': 1,
      'TooLarge error': 1,
    });
    expect(
      moved(
        before,
        after,
        'orgraph_graphql_request_duration_seconds_count',
        (l) => `${l.operation} ${l.outcome}`,
      ),
    ).toEqual({ 'Named ok': 1, 'anonymous ok': 1, 'Partial partial': 1, 'TooLarge error': 1 });
    expect(moved(before, after, ERRORS, (l) => l.code)).toEqual({
      UPSTREAM_UNAVAILABLE: 1,
      RESPONSE_TOO_LARGE: 1,
    });
  });

  it('refused before running: unparsable, invalid, bad variables, bad HTTP request, unauthenticated', async () => {
    const before = await scrape();
    expect((await query('{ organizations(')).status).toBe(400);
    expect((await query('query Invalid { nope }')).status).toBe(400);
    const badVariables = await query(
      'query BadVariables($limit: Int!) { organizations(limit: $limit) { totalCount } }',
      { limit: 'many' },
    );
    expect(badVariables.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const noQuery = await fetch(stack.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ variables: {} }),
    });
    expect(noQuery.status).toBe(400);
    const unauthenticated = await stack.query('query NoKey { __typename }');
    expect(unauthenticated.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const after = await scrape();

    // The operation is known once the document is parsed and validated; its variables come after.
    expect(moved(before, after, REQUESTS, (l) => `${l.operation} ${l.outcome}`)).toEqual({
      'unknown refused': 4,
      'BadVariables refused': 1,
    });
    expect(moved(before, after, ERRORS, (l) => l.code)).toEqual({
      GRAPHQL_PARSE_FAILED: 1,
      GRAPHQL_VALIDATION_FAILED: 1,
      BAD_USER_INPUT: 1,
      BAD_REQUEST: 1,
      UNAUTHENTICATED: 1,
    });
  });

  it(`operation names past the first ${MAX_OTHER_NAMES} are other; the shipped client's never are`, async () => {
    const seen = (await scrape()).labelValues(REQUESTS, 'operation');
    // Names admitted so far that are the server's own labels or shipped operations do not count.
    const own = new Set(['anonymous', 'unknown', 'other', ...shippedOperationNames()]);
    const admittedBefore = seen.filter((name) => !own.has(name)).length;
    const room = MAX_OTHER_NAMES - admittedBefore;
    expect(room).toBeGreaterThan(0);

    const names = Array.from({ length: room + 5 }, (_, i) => `Overflow${i}`);
    const overflow = await counted(async () => {
      for (const name of names) {
        expect((await query(`query ${name} { __typename }`)).errors).toBeUndefined();
      }
    });
    const expected: Record<string, number> = Object.fromEntries(
      names.slice(0, room).map((name) => [`${name} ok`, 1]),
    );
    expected['other ok'] = 5;
    expect(overflow).toEqual(expected);

    // Admitted names stay admitted; the shipped client's operations are always themselves.
    const later = await counted(async () => {
      await query(`query ${names[0]} { __typename }`);
      await query(`query ${names[room]} { __typename }`);
      await stack.sdk.Providers(undefined, auth);
    });
    expect(later).toEqual({ [`${names[0]} ok`]: 1, 'other ok': 1, 'Providers ok': 1 });
    const labels = (await scrape()).labelValues(REQUESTS, 'operation');
    expect(labels.filter((name) => !own.has(name))).toHaveLength(MAX_OTHER_NAMES);
  });
});

/** How each sample of `name` moved between two scrapes, by `key` of its labels (moved ones only). */
function moved(
  before: MetricsScrape,
  after: MetricsScrape,
  name: string,
  key: (labels: Record<string, string>) => string,
): Record<string, number> {
  const result: Record<string, number> = {};
  for (const sample of after.matching(name)) {
    const change = sample.value - before.value(name, sample.labels);
    if (change !== 0) result[key(sample.labels)] = (result[key(sample.labels)] ?? 0) + change;
  }
  return result;
}
