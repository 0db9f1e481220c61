import pino from 'pino';
import { RateBudget } from '../../src/rate-budget/rate-budget';
import { MemorySharedStore } from '../../src/shared-store/memory-shared-store';

/**
 * One caller cannot drain a credential's budget for everyone: while several callers wait on the same
 * credential, turns alternate between them.
 */
describe('rate budget fairness between callers', () => {
  it('a caller arriving behind a flood gets every other turn, not the last ones', async () => {
    const store = new MemorySharedStore(1024 * 1024);
    const budget = new RateBudget(store, pino({ level: 'silent' }));
    const key = 'rate:AUTH0:fingerprint';
    const now = Date.now();
    // A provider allowing 2 calls per 100 ms, whose current window is used up.
    await budget.observe(key, { limit: 2, remaining: 0, resetAt: now + 100, periodMs: 100 });

    const order: string[] = [];
    const deadline = now + 30_000;
    const turn = (caller: string) =>
      budget.acquire(key, caller, deadline).then(() => order.push(caller));
    const flood = Array.from({ length: 12 }, () => turn('flooder'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const polite = Array.from({ length: 3 }, () => turn('polite'));
    await Promise.all([...flood, ...polite]);

    expect(order).toHaveLength(15);
    // Without alternation the polite caller's 3 calls would come after the flooder's 12.
    const lastPolite = order.lastIndexOf('polite');
    expect(lastPolite).toBeLessThan(8);
    expect(order.slice(0, 8).filter((caller) => caller === 'polite')).toHaveLength(3);
  });

  it('a caller alone takes every turn of the window', async () => {
    const store = new MemorySharedStore(1024 * 1024);
    const budget = new RateBudget(store, pino({ level: 'silent' }));
    const key = 'rate:DATADOG:fingerprint';
    await budget.observe(key, { limit: 5, remaining: 5, resetAt: Date.now() + 60_000 });
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 5 }, () => budget.acquire(key, 'only', started + 60_000)),
    );
    // All five within the window, with no wait for a turn that nobody else wanted.
    await expect(budget.acquire(key, 'only', Date.now() + 50)).rejects.toThrow(/past the request/);
  });
});
