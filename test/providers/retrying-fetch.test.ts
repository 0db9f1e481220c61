import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRetryingFetch } from '../../src/providers/http/retrying-fetch';

/** A loopback server that answers each request after a delay, counting how many are in flight. */
async function startSlowServer(delayMs: number) {
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((_req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      res.end('{}');
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    maxInFlight: () => maxInFlight,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('createRetryingFetch', () => {
  it('keeps at most maxConcurrency requests in flight, and runs them all', async () => {
    const server = await startSlowServer(30);
    try {
      const fetcher = createRetryingFetch({
        retries: 0,
        timeoutMs: 5000,
        maxRetryDelayMs: 0,
        maxConcurrency: 3,
      });
      const responses = await Promise.all(Array.from({ length: 12 }, () => fetcher(server.url)));
      expect(responses.map((r) => r.status)).toEqual(Array(12).fill(200));
      expect(server.maxInFlight()).toBe(3);
    } finally {
      await server.stop();
    }
  });
});
