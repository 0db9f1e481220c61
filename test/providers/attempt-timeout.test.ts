import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCappedBody } from '../../src/providers/http/capped-body';
import { createRetryingFetch } from '../../src/providers/http/retrying-fetch';

/** A loopback server that sends its headers and the start of a body, then `stallMs` later the rest. */
async function startStallingServer(stallMs: number) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"items":[');
    setTimeout(() => res.end(']}'), stallMs).unref();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe("an attempt's time limit", () => {
  it('covers reading the body: a body that stalls past it fails with a TimeoutError', async () => {
    const server = await startStallingServer(2_000);
    try {
      const fetcher = createRetryingFetch({ retries: 0, timeoutMs: 200, maxRetryDelayMs: 0 });
      const started = Date.now();
      const response = (await fetcher(server.url)) as unknown as Response;
      const read = await readCappedBody(response, 1024).catch((error: unknown) => error);
      expect((read as Error).name).toBe('TimeoutError');
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      await server.stop();
    }
  });

  it('lets a body that arrives in time be read whole', async () => {
    const server = await startStallingServer(50);
    try {
      const fetcher = createRetryingFetch({ retries: 0, timeoutMs: 1_000, maxRetryDelayMs: 0 });
      const response = (await fetcher(server.url)) as unknown as Response;
      expect(await readCappedBody(response, 1024)).toBe('{"items":[]}');
    } finally {
      await server.stop();
    }
  });
});
