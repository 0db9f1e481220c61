import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';

describe('Auth0 emulator: rate limits and faults', () => {
  const emulator = new Auth0Emulator();
  const list = (init: RequestInit = {}) =>
    fetch(`${emulator.url}/api/v2/organizations`, {
      ...init,
      headers: { authorization: `Bearer ${emulator.credentials.token}` },
    });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('sends no rate-limit headers while no limit is configured', async () => {
    const response = await list();
    expect(response.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('announces the limit on every response and answers 429 past it', async () => {
    emulator.setKnobs({ rateLimit: { limit: 2, periodSeconds: 60 } });
    const startedAt = Math.floor(Date.now() / 1000);
    const first = await list();
    const second = await list();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(first.headers.get('retry-after')).toBeNull();

    const limited = await list();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Global limit has been reached',
      errorCode: 'too_many_requests',
    });
    expect(limited.headers.get('x-ratelimit-limit')).toBe('2');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    // Absolute epoch seconds, about a minute ahead (loose bounds for slow machines).
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(startedAt + 1);
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 61);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('checks the token first: a bad token is a 401, never a 429, and uses none of the limit', async () => {
    emulator.setKnobs({ rateLimit: { limit: 1, periodSeconds: 60 } });
    const anonymous = () => fetch(`${emulator.url}/api/v2/organizations`);
    expect((await anonymous()).status).toBe(401);
    expect((await anonymous()).status).toBe(401);
    expect((await list()).status).toBe(200);
    const limited = await list();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
  });

  it('injects a 503 once, in the Management API error shape', async () => {
    emulator.setKnobs({ faults: [{ route: 'GET /api/v2/organizations', status: 503, times: 1 }] });
    const failed = await list();
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'Service Unavailable',
    });
    expect((await list()).status).toBe(200);
    expect(emulator.counter.count('GET /api/v2/organizations')).toBe(2);
  });

  it('gives an injected 429 a retry-after too', async () => {
    emulator.setKnobs({ faults: [{ status: 429, times: 1 }] });
    const limited = await list();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
  });

  it('serves malformed bodies when told to', async () => {
    emulator.setKnobs({ faults: [{ malformed: 'truncated', times: 1 }] });
    const truncated = await list();
    expect(truncated.status).toBe(200);
    await expect(truncated.json()).rejects.toThrow();
    emulator.setKnobs({ faults: [{ malformed: 'shape', times: 1 }] });
    expect(Array.isArray(await (await list()).json())).toBe(false);
  });

  it('holds the response on a timeout fault until the client gives up', async () => {
    emulator.setKnobs({
      faults: [{ route: 'GET /api/v2/organizations', timeout: true, times: 1 }],
    });
    await expect(list({ signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect(emulator.counter.count('GET /api/v2/organizations')).toBe(1);
    expect((await list()).status).toBe(200);
  });

  it('changes knobs over the admin endpoint too', async () => {
    const put = await fetch(`${emulator.url}/__emulator/knobs`, {
      method: 'PUT',
      body: JSON.stringify({ faults: [{ status: 500, times: 1 }] }),
    });
    expect(put.status).toBe(200);
    const failed = await list();
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ statusCode: 500, error: 'Internal Server Error' });
  });
});
