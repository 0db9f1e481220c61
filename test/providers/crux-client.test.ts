import { CruxEmulator } from '../../src/emulators/crux/crux-emulator';
import { CruxClient } from '../../src/providers/crux/crux-client';
import type { RetryPolicy } from '../../src/providers/http/retrying-fetch';
import { restGet } from '../support/rest-get';
import { upstreamFailure } from '../support/upstream-failure';

const CONNECTIONS = 'GET /organizations/connections/';
const USERS = 'GET /organizations/users/all/';
const OWN_ORG = 'GET /organizations/';
const PERMISSIONS = 'GET /organizations/all_permissions/';
const USER = 'GET /organizations/users/detail/:uuid/';
const USER_PERMISSIONS = 'GET /organizations/users/permissions/:uuid/';

const TOKEN = 'crux-secret-token-4e8d1';
const WRONG_TOKEN = 'crux-wrong-token-93ab7';

type Retry = Omit<RetryPolicy, 'resetDelay'>;

describe('CruxClient against the emulator', () => {
  const emulator = new CruxEmulator({ seed: 42, size: 12, token: TOKEN });
  const data = () => emulator.data;

  const clientFor = (options: { token?: string; retry?: Partial<Retry> } = {}) =>
    new CruxClient(
      {
        baseURL: emulator.url,
        retry: { retries: 2, timeoutMs: 2000, maxRetryDelayMs: 500, ...options.retry },
      },
      { token: options.token ?? TOKEN },
    );
  /** The emulator's own REST answer: what the client must hand back, field for field. */
  const rest = (path: string) => restGet(emulator.url, path, { Authorization: `Token ${TOKEN}` });

  /** The error a call rejects with, checked to name Crux and carry no token anywhere. */
  const failure = (promise: Promise<unknown>) =>
    upstreamFailure(promise, { provider: 'CRUX', secrets: [TOKEN, WRONG_TOKEN] });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('parses every connection from the bare, unpaged array in one call', async () => {
    const expected = await rest('/organizations/connections/');
    emulator.reset();
    const connections = await clientFor().connections();
    expect(connections).toEqual(expected);
    expect(connections).toHaveLength(12);
    expect(connections.map((c) => c.uuid)).toEqual(data().connections.map((c) => c.uuid));
    expect(emulator.counter.byRoute()).toEqual({ [CONNECTIONS]: 1 });
  });

  it('parses every user with their permission assignments in one call', async () => {
    const expected = await rest('/organizations/users/all/');
    emulator.reset();
    const users = await clientFor().users();
    expect(users).toEqual(expected);
    expect(users.map((u) => u.uuid)).toEqual(data().users.map((u) => u.uuid));
    expect(emulator.counter.byRoute()).toEqual({ [USERS]: 1 });
  });

  it('parses your own organization', async () => {
    const org = await clientFor().ownOrganization();
    expect(org).toEqual(data().organization);
    expect(emulator.counter.byRoute()).toEqual({ [OWN_ORG]: 1 });
  });

  it('parses the permission catalogue', async () => {
    const permissions = await clientFor().permissions();
    expect(permissions).toEqual(data().permissions);
    expect(emulator.counter.byRoute()).toEqual({ [PERMISSIONS]: 1 });
  });

  it('parses one user’s detail and permissions by uuid', async () => {
    const user = data().users[1];
    const client = clientFor();
    expect(await client.user(user.uuid)).toEqual(user);
    expect(await client.userPermissions(user.uuid)).toEqual({
      permissions: user.permission_assignments.permissions,
    });
    expect(emulator.counter.byRoute()).toEqual({ [USER]: 1, [USER_PERMISSIONS]: 1 });
  });

  it('sends `Authorization: Token <token>`: a wrong token is UPSTREAM_UNAUTHORIZED, not retried', async () => {
    const error = await failure(clientFor({ token: WRONG_TOKEN }).connections());
    expect(error.extensions['code']).toBe('UPSTREAM_UNAUTHORIZED');
    expect(error.extensions['upstreamStatus']).toBe(401);
    expect(emulator.counter.requests().map((r) => r.status)).toEqual([401]);
  });

  it('an unknown user uuid: NOT_FOUND', async () => {
    const error = await failure(clientFor().user('00000000-0000-4000-8000-000000000000'));
    expect(error.extensions['code']).toBe('NOT_FOUND');
  });

  it('503 once, then OK: answered after exactly 2 calls', async () => {
    emulator.setKnobs({ faults: [{ route: USERS, status: 503, times: 1 }] });
    expect(await clientFor().users()).toHaveLength(data().users.length);
    expect(emulator.counter.requests().map((r) => r.status)).toEqual([503, 200]);
  });

  it('a throttle beyond the retry budget: UPSTREAM_RATE_LIMITED with Retry-After seconds', async () => {
    emulator.setKnobs({ rateLimit: { limit: 1, periodSeconds: 90 } });
    await clientFor().permissions();
    const error = await failure(clientFor().permissions());
    expect(error.extensions['code']).toBe('UPSTREAM_RATE_LIMITED');
    expect(error.extensions['retryAfterSeconds']).toBeGreaterThan(0);
    expect(error.extensions['retryAfterSeconds']).toBeLessThanOrEqual(90);
    expect(emulator.counter.requests().map((r) => r.status)).toEqual([200, 429]);
  });

  it('truncated JSON and bodies of the wrong shape: UPSTREAM_BAD_RESPONSE', async () => {
    emulator.setKnobs({ faults: [{ route: CONNECTIONS, malformed: 'truncated', times: 1 }] });
    expect((await failure(clientFor().connections())).extensions['code']).toBe(
      'UPSTREAM_BAD_RESPONSE',
    );
    emulator.setKnobs({ faults: [{ route: OWN_ORG, malformed: 'shape', times: 1 }] });
    expect((await failure(clientFor().ownOrganization())).extensions['code']).toBe(
      'UPSTREAM_BAD_RESPONSE',
    );
  });

  it('no answer within timeoutMs: UPSTREAM_UNAVAILABLE', async () => {
    emulator.setKnobs({ faults: [{ route: CONNECTIONS, timeout: true }] });
    const error = await failure(clientFor({ retry: { retries: 0, timeoutMs: 150 } }).connections());
    expect(error.extensions['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(emulator.counter.count(CONNECTIONS)).toBe(1);
  });
});
