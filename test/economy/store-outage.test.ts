import net, { type AddressInfo } from 'node:net';
import { startTestStack, type TestStack } from '../support/test-stack';

/** With Redis unreachable, queries go to the providers without it; every skipped use is counted. */
describe('a shared store that cannot be reached', () => {
  let stack: TestStack;

  beforeAll(async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    stack = await startTestStack({
      configure: (config) => ({
        ...config,
        store: {
          ...config.store,
          redisUrl: `redis://127.0.0.1:${closedPort}`,
          secret: 'outage-test-secret-0123456789',
        },
      }),
    });
  });
  afterAll(() => stack.stop());

  it('answers every query from the providers, and counts the cache and budget failures', async () => {
    const query = '{ organizations(limit: 100) { totalCount items { id } } }';
    const first = await stack.query<{ organizations: { totalCount: number } }>(query);
    const second = await stack.query<{ organizations: { totalCount: number } }>(query);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    // Nothing could be stored, so the repeat read the providers again.
    expect(second.extensions?.upstream).toMatchObject({ cache: { hits: 0 } });
    expect((second.extensions?.upstream as { calls: number }).calls).toBeGreaterThan(0);
    expect(stack.server.upstream.cache!.storeFailures).toBeGreaterThan(0);
    expect(stack.server.upstream.rateBudget.storeFailures).toBeGreaterThan(0);
  });
});
