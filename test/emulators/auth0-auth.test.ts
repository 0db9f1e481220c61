import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@jest/globals';
import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import type { Auth0TokenResponse } from '../../src/emulators/auth0/auth0-data';

const INVALID_TOKEN = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Invalid token.',
  attributes: { error: 'Invalid token.' },
};

describe('Auth0 emulator: authentication', () => {
  // A clock the test moves, so token expiry needs no sleeping.
  let now = Date.UTC(2025, 0, 1);
  const emulator = new Auth0Emulator({ tokenTtlSeconds: 60, now: () => now });
  const listWith = (headers: Record<string, string>) =>
    fetch(`${emulator.url}/api/v2/organizations`, { headers });
  const tokenRequest = (body: Record<string, string>, form = false) =>
    fetch(`${emulator.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
      body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
    });
  const grant = () => ({
    grant_type: 'client_credentials',
    client_id: emulator.credentials.clientId,
    client_secret: emulator.credentials.clientSecret,
    audience: emulator.credentials.audience,
  });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('has the documented defaults and an audience holding the port', () => {
    expect(emulator.credentials).toMatchObject({
      token: 'auth0-demo-token',
      clientId: 'orgraph-demo-client',
      clientSecret: 'orgraph-demo-secret',
    });
    expect(emulator.credentials.audience).toBe(`${emulator.url}/api/v2/`);
    expect(() => new Auth0Emulator().credentials.audience).toThrow(/not started/);
  });

  it('accepts the static token and answers a missing or wrong one with 401', async () => {
    expect((await listWith({ authorization: 'Bearer auth0-demo-token' })).status).toBe(200);
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer nope' },
      { authorization: 'auth0-demo-token' },
      { authorization: 'Basic auth0-demo-token' },
    ];
    for (const headers of attempts) {
      const response = await listWith(headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual(INVALID_TOKEN);
    }
  });

  it('issues tokens with client credentials, as JSON or form bodies', async () => {
    for (const form of [false, true]) {
      const response = await tokenRequest(grant(), form);
      expect(response.status).toBe(200);
      const body = (await response.json()) as Auth0TokenResponse;
      expect(body).toEqual({
        access_token: expect.stringMatching(/^[A-Za-z0-9_-]{20,}$/),
        expires_in: 60,
        token_type: 'Bearer',
        scope: expect.stringContaining('read:organizations'),
      });
      const api = await listWith({ authorization: `Bearer ${body.access_token}` });
      expect(api.status).toBe(200);
    }
    expect(emulator.counter.count('POST /oauth/token')).toBe(2);
  });

  it('grants exactly the scopes the README asks for orgraph’s machine-to-machine app', async () => {
    const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
    const list = /`[a-z_:]+`(?:, `[a-z_:]+`)*/.source;
    const [, reads, writes] = new RegExp(
      `Scopes: (${list}); only when writes are on .*?also: (${list})`,
    )
      .exec(readme)!
      .map((found) => found.match(/[a-z_:]+/g)!);
    const scopesOf = async (client: { clientId: string; clientSecret: string }) => {
      const body = { ...grant(), client_id: client.clientId, client_secret: client.clientSecret };
      const { scope } = (await (await tokenRequest(body)).json()) as Auth0TokenResponse;
      return scope.split(' ').sort();
    };
    // The default client may write (the demo writes through it); the read-only one may not.
    expect(await scopesOf(emulator.credentials)).toEqual([...reads, ...writes].sort());
    expect(await scopesOf(emulator.credentials.readOnly)).toEqual([...reads].sort());
    expect(reads).toContain('read:roles');
    expect(writes).toContain('create:organization_connections');
  });

  it('issues a different random token every time, whatever the seed', async () => {
    const a = (await (await tokenRequest(grant())).json()) as Auth0TokenResponse;
    const b = (await (await tokenRequest(grant())).json()) as Auth0TokenResponse;
    expect(a.access_token).not.toBe(b.access_token);
  });

  it('rejects issued tokens once they expire', async () => {
    const { access_token } = (await (await tokenRequest(grant())).json()) as Auth0TokenResponse;
    const headers = { authorization: `Bearer ${access_token}` };
    now += 59_000;
    expect((await listWith(headers)).status).toBe(200);
    now += 1_000;
    const expired = await listWith(headers);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual(INVALID_TOKEN);
    // The static token does not expire.
    expect((await listWith({ authorization: 'Bearer auth0-demo-token' })).status).toBe(200);
  });

  it('answers bad client credentials and bad grants the way Auth0 does', async () => {
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ ...grant(), client_secret: 'wrong' }, 401, 'access_denied'],
      [{ ...grant(), client_id: 'someone-else' }, 401, 'access_denied'],
      [{ ...grant(), grant_type: 'password' }, 403, 'unsupported_grant_type'],
      [{ ...grant(), audience: 'https://elsewhere.example/api/v2/' }, 403, 'access_denied'],
      [{ client_id: 'x', client_secret: 'y' }, 400, 'invalid_request'],
    ];
    for (const [body, status, error] of cases) {
      const response = await tokenRequest(body);
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error, error_description: expect.any(String) });
    }
    const wrongSecret = await tokenRequest({ ...grant(), client_secret: 'wrong' });
    expect(await wrongSecret.json()).toEqual({
      error: 'access_denied',
      error_description: 'Unauthorized',
    });
  });
});
