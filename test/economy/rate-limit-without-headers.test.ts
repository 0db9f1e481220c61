import { startTestStack, type TestStack } from '../support/test-stack';

/**
 * Crux announces no rate limit: a 429 is all it says, with Retry-After. orgraph holds that credential's
 * calls for the wait and then lets them go freely again; it must not invent a limit (the soak found one
 * 429 pacing every later Crux call to one a second for as long as traffic lasted).
 */
describe('a 429 from a provider that announces no limit', () => {
  let stack: TestStack;
  const CRUX_LISTING =
    '{ organizations(filter: { providers: [CRUX] }, limit: 100) { totalCount } }';
  const CRUX_READS = `{
    organizations(filter: { providers: [CRUX] }) { totalCount }
    users(filter: { providers: [CRUX] }) { totalCount }
    permissions(filter: { providers: [CRUX] }) { totalCount } }`;

  beforeAll(async () => {
    stack = await startTestStack({
      configure: (config) => ({
        ...config,
        // A second of turns at most: a paced credential could not serve 20 calls in it.
        economy: { ...config.economy, requestDeadlineMs: 3_000 },
      }),
    });
  });
  afterAll(() => stack.stop());

  it('holds calls for its wait, then serves them all: no limit is invented', async () => {
    stack.emulators.crux.setKnobs({ faults: [{ status: 429, times: 1 }] });
    const first = await stack.query(CRUX_LISTING, undefined, { 'cache-control': 'no-cache' });
    // Its wait (1 s) is longer than the test stack waits before a retry (0.5 s): handed back.
    expect(first.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      retryAfterSeconds: 1,
    });
    stack.emulators.crux.counter.reset();

    // Three distinct Crux reads in one request, sent once the wait is over: paced at one a second
    // (the guessed window of an invented limit of 1), the last would not fit in its 3 s deadline.
    const result = await stack.query(CRUX_READS, undefined, { 'cache-control': 'no-cache' });
    expect(result.errors).toBeUndefined();
    expect(stack.emulators.crux.counter.byRoute()).toEqual({
      'GET /organizations/connections/': 1,
      'GET /organizations/users/all/': 1,
      'GET /organizations/all_permissions/': 1,
    });
  });
});
