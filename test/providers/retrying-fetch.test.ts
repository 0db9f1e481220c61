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

/** A loopback server answering from a script of responses, one per request, recording when each came. */
async function startScriptedServer(
  script: Array<{ status: number; headers?: Record<string, string> }>,
) {
  const arrivals: number[] = [];
  const server = http.createServer((_req, res) => {
    arrivals.push(Date.now());
    const next = script[Math.min(arrivals.length - 1, script.length - 1)];
    res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    arrivals,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('createRetryingFetch retries', () => {
  const policy = { retries: 2, timeoutMs: 5000, maxRetryDelayMs: 2000 };

  it('waits as long as a Retry-After HTTP date asks, then succeeds', async () => {
    const retryAt = new Date(Date.now() + 1500).toUTCString(); // HTTP dates have whole seconds
    const server = await startScriptedServer([
      { status: 503, headers: { 'retry-after': retryAt } },
      { status: 200 },
    ]);
    try {
      const response = await createRetryingFetch(policy)(server.url);
      expect(response.status).toBe(200);
      expect(server.arrivals).toHaveLength(2);
      expect(server.arrivals[1] - server.arrivals[0]).toBeGreaterThanOrEqual(400);
    } finally {
      await server.stop();
    }
  });

  it('does not wait longer than maxRetryDelayMs: the 429 goes back to the caller at once', async () => {
    const server = await startScriptedServer([{ status: 429, headers: { 'retry-after': '60' } }]);
    try {
      const response = await createRetryingFetch(policy)(server.url);
      expect(response.status).toBe(429);
      expect(server.arrivals).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });

  it("reads the provider's own reset header when Retry-After is absent", async () => {
    const server = await startScriptedServer([
      { status: 429, headers: { 'x-ratelimit-reset': '0' } },
      { status: 200 },
    ]);
    try {
      const resetDelay = jest.fn(
        (headers: Headers) => Number(headers.get('x-ratelimit-reset')) * 1000,
      );
      const response = await createRetryingFetch({ ...policy, resetDelay })(server.url);
      expect(response.status).toBe(200);
      expect(resetDelay).toHaveBeenCalledTimes(1);
    } finally {
      await server.stop();
    }
  });

  it('gives up after the configured retries and returns the last answer', async () => {
    const server = await startScriptedServer([{ status: 502 }]);
    try {
      const response = await createRetryingFetch(policy)(server.url);
      expect(response.status).toBe(502);
      expect(server.arrivals).toHaveLength(3);
    } finally {
      await server.stop();
    }
  });

  it('does not retry a 4xx other than 408 and 429', async () => {
    const server = await startScriptedServer([{ status: 404 }]);
    try {
      expect((await createRetryingFetch(policy)(server.url)).status).toBe(404);
      expect(server.arrivals).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });

  it('retries a refused connection, then throws', async () => {
    const server = await startScriptedServer([{ status: 200 }]);
    const url = server.url;
    await server.stop(); // nothing listens there now
    await expect(createRetryingFetch({ ...policy, retries: 1 })(url)).rejects.toThrow();
  });
});
