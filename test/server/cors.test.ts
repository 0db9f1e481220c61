import { loadConfig } from '../../src/config/load-config';
import { configErrorOf } from '../support/config-error-of';
import { startTestStack, type TestStack } from '../support/test-stack';

const APP = 'https://app.example.com';

async function preflight(stack: TestStack, origin: string) {
  return fetch(stack.server.url, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-api-key, x-crux-token',
    },
  });
}

describe('CORS for configured origins', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      configure: (config) => ({ ...config, cors: loadConfig({ CORS_ORIGINS: APP }).cors }),
    });
  });
  afterAll(() => stack.stop());

  it('answers a preflight from an allowed origin, allowing the credential headers', async () => {
    const response = await preflight(stack, APP);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    const allowed = response.headers.get('access-control-allow-headers')!.split(',');
    expect(allowed).toEqual(
      expect.arrayContaining(['content-type', 'x-api-key', 'x-crux-token', 'authorization']),
    );
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    // Credentials travel in headers, never in cookies.
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets the allowed origin read the answer, and no other origin', async () => {
    const answer = await fetch(stack.server.url, {
      method: 'POST',
      headers: { origin: APP, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ providers { provider } }' }),
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe(APP);
    const other = await preflight(stack, 'https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS_ORIGINS', () => {
  it('is off outside demo mode unless set, and open to any origin in demo mode', () => {
    const configured = { CRUX_API_URL: 'https://crux.example.com', CRUX_API_TOKEN: 't' };
    expect(loadConfig(configured).cors).toBeUndefined();
    expect(loadConfig({}).cors).toEqual({ origins: '*' });
    expect(loadConfig({ CORS_ORIGINS: 'off' }).cors).toBeUndefined();
    expect(
      loadConfig({ ...configured, CORS_ORIGINS: `${APP}, http://localhost:3000` }).cors,
    ).toEqual({
      origins: [APP, 'http://localhost:3000'],
    });
  });

  it('refuses what is not an origin, without echoing it', () => {
    for (const value of [
      'https://app.rejected.test/',
      'app.rejected.test',
      'ftp://x.rejected.test',
      'https://a.rejected.test/path',
    ]) {
      const error = configErrorOf({ CORS_ORIGINS: value });
      expect(error.variable).toBe('CORS_ORIGINS');
      expect(error.message).not.toContain('rejected');
    }
  });

  it('is off by default in a server without it: no CORS headers at all', async () => {
    const stack = await startTestStack({ configure: (config) => ({ ...config, cors: undefined }) });
    try {
      const response = await preflight(stack, APP);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await stack.stop();
    }
  });
});
