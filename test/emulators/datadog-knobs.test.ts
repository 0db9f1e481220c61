import { DatadogEmulator } from '../../src/emulators/datadog/datadog-emulator';

const LIST = 'GET /api/v2/org_connections';

describe('Datadog emulator knobs and counters', () => {
  const emulator = new DatadogEmulator();
  const get = (path = '/api/v2/org_connections', init: RequestInit = {}) =>
    fetch(`${emulator.url}${path}`, {
      ...init,
      headers: { 'DD-API-KEY': 'dd-demo-api-key', 'DD-APPLICATION-KEY': 'dd-demo-app-key' },
    });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('counts requests per route, failed ones included', async () => {
    await get();
    await get('/api/v2/org_connections?limit=0');
    await fetch(`${emulator.url}/api/v2/org_connections`);
    await get('/api/v2/org_connections/not-a-uuid', { method: 'DELETE' });
    expect(emulator.counter.count(LIST)).toBe(3);
    expect(emulator.counter.count('DELETE /api/v2/org_connections/:connection_id')).toBe(1);
    expect(emulator.counter.count()).toBe(4);
    expect(emulator.counter.requests().map((r) => r.status)).toEqual([200, 400, 403, 400]);
  });

  it('sends the five rate-limit headers and 429s past the limit', async () => {
    emulator.setKnobs({ rateLimit: { limit: 2, periodSeconds: 60 } });
    const first = await get();
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-period')).toBe('60');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(first.headers.get('x-ratelimit-name')).toBe('org_connections_read');
    expect((await get()).headers.get('x-ratelimit-remaining')).toBe('0');

    const limited = await get();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ errors: ['Too many requests'] });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-ratelimit-name')).toBe('org_connections_read');
    // Seconds until the reset, not an epoch timestamp.
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(60);
  });

  it('sends no rate-limit headers without a limit', async () => {
    const response = await get();
    expect(response.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('injects a 503 once, in Datadog error shape', async () => {
    emulator.setKnobs({ faults: [{ route: LIST, status: 503, times: 1 }] });
    const failed = await get();
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({ errors: ['Service Unavailable'] });
    expect((await get()).status).toBe(200);
  });

  it('serves truncated JSON and a broken shape on request', async () => {
    emulator.setKnobs({ faults: [{ route: LIST, malformed: 'truncated', times: 1 }] });
    const truncated = await get();
    expect(truncated.status).toBe(200);
    await expect(truncated.json()).rejects.toThrow();

    emulator.setKnobs({ faults: [{ route: LIST, malformed: 'shape', times: 1 }] });
    const body = (await (await get()).json()) as Record<string, unknown>;
    expect(body['data']).toBeUndefined();
  });

  it('applies a fault with a probability to about that share of requests, the same ones each time', async () => {
    const statuses = async (count: number) => {
      const seen: number[] = [];
      for (let i = 0; i < count; i += 1) seen.push((await get()).status);
      return seen;
    };
    emulator.setKnobs({ faults: [{ route: LIST, status: 503, probability: 0.25 }] });
    const first = await statuses(200);
    const failed = first.filter((s) => s === 503).length;
    // 50 expected; the draws are seeded, so this bound is far from what the run gives.
    expect(failed).toBeGreaterThan(25);
    expect(failed).toBeLessThan(75);
    expect(first.filter((s) => s !== 503).every((s) => s === 200)).toBe(true);

    // A new list of faults restarts the draws: the same requests fail again.
    emulator.setKnobs({ faults: [{ route: LIST, status: 503, probability: 0.25 }] });
    expect(await statuses(200)).toEqual(first);

    emulator.setKnobs({ faults: [{ route: LIST, status: 503, probability: 0 }] });
    expect(await statuses(20)).toEqual(Array(20).fill(200));
  });

  it('counts only the requests a probable fault hit in its times, and passes the others on', async () => {
    emulator.setKnobs({ faults: [{ route: LIST, status: 503, probability: 0.5, times: 3 }] });
    const seen: number[] = [];
    for (let i = 0; i < 40; i += 1) seen.push((await get()).status);
    expect(seen.filter((s) => s === 503)).toHaveLength(3);
    expect(emulator.knobs.faults).toEqual([]);

    emulator.setKnobs({
      faults: [
        { route: LIST, status: 503, probability: 0.5 },
        { route: LIST, status: 429 },
      ],
    });
    const mixed: number[] = [];
    for (let i = 0; i < 40; i += 1) mixed.push((await get()).status);
    expect(new Set(mixed)).toEqual(new Set([503, 429]));
  });

  it('takes a probability over HTTP', async () => {
    await fetch(`${emulator.url}/__emulator/knobs`, {
      method: 'PUT',
      body: JSON.stringify({ faults: [{ status: 500, probability: 0.5 }] }),
    });
    const seen: number[] = [];
    for (let i = 0; i < 40; i += 1) seen.push((await get()).status);
    expect(new Set(seen)).toEqual(new Set([200, 500]));
  });

  it('holds the response on a timeout fault until the client gives up', async () => {
    emulator.setKnobs({ faults: [{ route: LIST, timeout: true, times: 1 }] });
    await expect(
      get('/api/v2/org_connections', { signal: AbortSignal.timeout(500) }),
    ).rejects.toThrow();
    expect((await get()).status).toBe(200);
  });

  it('takes knobs over HTTP for other processes', async () => {
    const put = await fetch(`${emulator.url}/__emulator/knobs`, {
      method: 'PUT',
      body: JSON.stringify({ faults: [{ status: 500, times: 1 }] }),
    });
    expect(put.status).toBe(200);
    const failed = await get();
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ errors: ['Internal Server Error'] });
    const counters: unknown = await (await fetch(`${emulator.url}/__emulator/counters`)).json();
    expect(counters).toEqual({ total: 1, byRoute: { [LIST]: 1 }, byTenant: { first: 1 } });
  });
});
