import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import type { Auth0TokenResponse } from '../../src/emulators/auth0/auth0-data';
import { requestAuth0Token } from '../support/auth0-token-grant';

const INVALID_TOKEN = {
  statusCode: 401,
  error: 'Unauthorized',
  message: 'Invalid token.',
  attributes: { error: 'Invalid token.' },
};

describe('Auth0 emulator: token revocation', () => {
  const emulator = new Auth0Emulator();
  const list = (token: string) =>
    fetch(`${emulator.url}/api/v2/organizations`, {
      headers: { authorization: `Bearer ${token}` },
    });
  const issue = async (credentials: { clientId: string; clientSecret: string }) => {
    const response = await requestAuth0Token(emulator, credentials);
    expect(response.status).toBe(200);
    return ((await response.json()) as Auth0TokenResponse).access_token;
  };

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it("revokes every issued token from code: Auth0's 401 for old ones, new grants work", async () => {
    const old = await issue(emulator.credentials);
    expect((await list(old)).status).toBe(200);

    emulator.revokeTokens();
    const refused = await list(old);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual(INVALID_TOKEN);

    const renewed = await issue(emulator.credentials);
    expect(renewed).not.toBe(old);
    expect((await list(renewed)).status).toBe(200);
  });

  it('keeps the static tokens of both tenants valid', async () => {
    emulator.revokeTokens();
    expect((await list(emulator.firstTenant.credentials.token)).status).toBe(200);
    expect((await list(emulator.secondTenant.credentials.token)).status).toBe(200);
  });

  it("revokes both tenants' tokens over HTTP, without counting as an API request", async () => {
    const first = await issue(emulator.firstTenant.credentials);
    const second = await issue(emulator.secondTenant.credentials);
    const revoke = await fetch(`${emulator.url}/__emulator/revoke-tokens`, { method: 'POST' });
    expect(revoke.status).toBe(204);
    expect((await list(first)).status).toBe(401);
    expect((await list(second)).status).toBe(401);
    expect(emulator.counter.byRoute()).toEqual({
      'POST /oauth/token': 2,
      'GET /api/v2/organizations': 2,
    });
  });

  it('stays revoked across reset(), and the emulator stays usable', async () => {
    const old = await issue(emulator.credentials);
    emulator.revokeTokens();
    emulator.reset();
    expect((await list(old)).status).toBe(401);
    expect((await list(await issue(emulator.credentials))).status).toBe(200);
  });
});
