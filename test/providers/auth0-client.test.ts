import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import type { RetryPolicy } from '../../src/providers/http/retrying-fetch';
import { Auth0Client } from '../../src/providers/auth0/auth0-client';
import { upstreamFailure } from '../support/upstream-failure';
import { rateWindowStart } from '../support/rate-window-start';

const ORGS = 'GET /api/v2/organizations';
const ORG = 'GET /api/v2/organizations/:id';
const CONNECTIONS = 'GET /api/v2/organizations/:id/connections';
const ENABLED = 'GET /api/v2/organizations/:id/enabled_connections';
const MEMBERS = 'GET /api/v2/organizations/:id/members';
const ROLES = 'GET /api/v2/organizations/:id/members/:user_id/roles';

const TOKEN = 'auth0-secret-token-7d41c';
const WRONG_TOKEN = 'auth0-wrong-token-0b9e2';

type Retry = Omit<RetryPolicy, 'resetDelay'>;

function clientFor(
  emulator: Auth0Emulator,
  options: { token?: string; retry?: Partial<Retry> } = {},
): Auth0Client {
  const token = options.token ?? emulator.credentials.token;
  return new Auth0Client(
    {
      baseURL: `${emulator.url}/api/v2/`,
      retry: { retries: 2, timeoutMs: 2000, maxRetryDelayMs: 500, ...options.retry },
    },
    () => Promise.resolve(token),
  );
}

/** The query string of every request to one route, in order. */
function queries(emulator: Auth0Emulator, route: string): string[] {
  return emulator.counter
    .requests()
    .filter((r) => r.route === route)
    .map((r) => new URL(r.url, 'http://x').searchParams.toString());
}

/** The error a call rejects with, checked to name Auth0 and to carry no token anywhere. */
const failure = (promise: Promise<unknown>) =>
  upstreamFailure(promise, { provider: 'AUTH0', secrets: [TOKEN, WRONG_TOKEN] });

describe('Auth0Client over a big tenant (250 organizations)', () => {
  const emulator = new Auth0Emulator({ seed: 7, size: 250, token: TOKEN });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('walks checkpoint pages of 100: every organization exactly once, in 3 calls', async () => {
    const orgs = await clientFor(emulator).organizations();
    expect(orgs.map((o) => o.id)).toEqual(emulator.data.organizations.map((o) => o.id));
    expect(new Set(orgs.map((o) => o.id)).size).toBe(250);
    expect(emulator.counter.byRoute()).toEqual({ [ORGS]: 3 });
    const [first, second, third] = queries(emulator, ORGS);
    expect(first).toBe('take=100');
    // Each next page starts from the cursor the previous one handed out.
    expect(second).toMatch(/^take=100&from=[A-Za-z0-9_-]+$/);
    expect(third).toMatch(/^take=100&from=[A-Za-z0-9_-]+$/);
    expect(second).not.toBe(third);
  });
});

describe('Auth0Client (default tenant)', () => {
  const emulator = new Auth0Emulator({ seed: 42, size: 12, token: TOKEN });
  const data = () => emulator.data;
  const roleName = (id: string) => data().roles.find((r) => r.id === id)!.name;

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('stops after a short first page without following its cursor: 1 call', async () => {
    const orgs = await clientFor(emulator).organizations();
    expect(orgs).toHaveLength(12);
    expect(emulator.counter.count(ORGS)).toBe(1);
  });

  it('reads one organization by id with its branding and metadata', async () => {
    const expected = data().organizations.find((o) => o.branding?.colors && o.metadata)!;
    const org = await clientFor(emulator).organization(expected.id);
    expect(org).toEqual(expected);
    expect(emulator.counter.count(ORG)).toBe(1);
  });

  it('sends the token as a Bearer credential', async () => {
    // A client that sends the token any other way gets the emulator's 401.
    const org = data().organizations[0];
    await expect(clientFor(emulator).organization(org.id)).resolves.toMatchObject({ id: org.id });
    expect(emulator.counter.requests().map((r) => r.status)).toEqual([200]);
  });

  it('lists organization connections with access levels, asking for the include_totals envelope', async () => {
    const org = data().organizations[0];
    const settings = data().organizationConnections[org.id];
    const connections = await clientFor(emulator).organizationConnections(org.id);
    expect(connections.map((c) => c.connection_id)).toEqual(settings.map((s) => s.connection_id));
    connections.forEach((c, i) => {
      expect(c.organization_access_level).toBe(settings[i].organization_access_level);
      expect(c.is_enabled).toBe(settings[i].is_enabled);
      const tenantConnection = data().connections.find((t) => t.id === c.connection_id)!;
      expect(c.connection).toEqual({
        name: tenantConnection.name,
        strategy: tenantConnection.strategy,
      });
    });
    // One page: the envelope's `limit` equals the item count (Auth0's recorded quirk), and `total`
    // alone decides that there is nothing more to fetch.
    expect(queries(emulator, CONNECTIONS)).toEqual(['page=0&per_page=100&include_totals=true']);
  });

  it('passes is_enabled through to the connections listing', async () => {
    const org = data().organizations.find((o) =>
      data().organizationConnections[o.id].some((s) => !s.is_enabled),
    )!;
    const disabled = await clientFor(emulator).organizationConnections(org.id, {
      isEnabled: false,
    });
    expect(disabled.map((c) => c.connection_id)).toEqual(
      data()
        .organizationConnections[org.id].filter((s) => !s.is_enabled)
        .map((s) => s.connection_id),
    );
    expect(queries(emulator, CONNECTIONS)).toEqual([
      'is_enabled=false&page=0&per_page=100&include_totals=true',
    ]);
  });

  it('lists enabled connections from the legacy endpoint: enabled ones only, without access levels', async () => {
    const org = data().organizations.find((o) =>
      data().organizationConnections[o.id].some((s) => !s.is_enabled),
    )!;
    const enabled = await clientFor(emulator).enabledConnections(org.id);
    expect(enabled.map((c) => c.connection_id)).toEqual(
      data()
        .organizationConnections[org.id].filter((s) => s.is_enabled)
        .map((s) => s.connection_id),
    );
    for (const c of enabled) expect(c.organization_access_level).toBeUndefined();
    expect(emulator.counter.count(ENABLED)).toBe(1);
  });

  it('lists members with their roles in one call per page', async () => {
    const org = data().organizations.find((o) =>
      data().memberships[o.id].some((m) => m.role_ids.length > 0),
    )!;
    const members = await clientFor(emulator).members(org.id);
    const memberships = data().memberships[org.id];
    expect(members.map((m) => m.user_id)).toEqual(memberships.map((m) => m.user_id));
    members.forEach((member, i) => {
      const user = data().users.find((u) => u.user_id === member.user_id)!;
      expect(member).toMatchObject({ email: user.email, name: user.name, picture: user.picture });
      expect(member.roles).toEqual(
        memberships[i].role_ids.map((id) => ({ id, name: roleName(id) })),
      );
    });
    expect(emulator.counter.count(MEMBERS)).toBe(1);
    expect(queries(emulator, MEMBERS)[0]).toContain(
      'fields=user_id%2Cemail%2Cpicture%2Cname%2Croles',
    );
  });

  it('reads a member’s roles with their descriptions', async () => {
    const org = data().organizations.find((o) =>
      data().memberships[o.id].some((m) => m.role_ids.length > 1),
    )!;
    const membership = data().memberships[org.id].find((m) => m.role_ids.length > 1)!;
    const roles = await clientFor(emulator).memberRoles(org.id, membership.user_id);
    expect(roles).toEqual(membership.role_ids.map((id) => data().roles.find((r) => r.id === id)));
    for (const role of roles) expect(role.description).toEqual(expect.any(String));
    expect(emulator.counter.count(ROLES)).toBe(1);
  });

  describe('errors', () => {
    const org = () => data().organizations[0].id;

    it('a wrong token: UPSTREAM_UNAUTHORIZED, not retried', async () => {
      const error = await failure(clientFor(emulator, { token: WRONG_TOKEN }).organization(org()));
      expect(error.extensions['code']).toBe('UPSTREAM_UNAUTHORIZED');
      expect(error.extensions['upstreamStatus']).toBe(401);
      expect(emulator.counter.count(ORG)).toBe(1);
    });

    it('a rate limit beyond the retry budget: UPSTREAM_RATE_LIMITED with seconds to wait', async () => {
      emulator.setKnobs({ rateLimit: { limit: 1, periodSeconds: 120 } });
      await clientFor(emulator).organization(org());
      const error = await failure(clientFor(emulator).organization(org()));
      expect(error.extensions['code']).toBe('UPSTREAM_RATE_LIMITED');
      const wait = error.extensions['retryAfterSeconds'];
      expect(typeof wait).toBe('number');
      // Seconds until the reset, not the absolute epoch Auth0 sends in x-ratelimit-reset.
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(120);
      // Two minutes are not waited for: the 429 is answered at once.
      expect(emulator.counter.requests().map((r) => r.status)).toEqual([200, 429]);
    });

    it('a rate limit that resets within the retry budget is waited for and retried', async () => {
      emulator.setKnobs({ rateLimit: { limit: 1, periodSeconds: 2 } });
      const client = clientFor(emulator, { retry: { maxRetryDelayMs: 2500 } });
      await rateWindowStart(2);
      await client.organization(org());
      const answer = await client.organization(data().organizations[1].id);
      expect(answer.id).toBe(data().organizations[1].id);
      expect(emulator.counter.requests().map((r) => r.status)).toEqual([200, 429, 200]);
    });

    it('503 once, then OK: answered after exactly 2 calls', async () => {
      emulator.setKnobs({ faults: [{ route: ORG, status: 503, times: 1 }] });
      const answer = await clientFor(emulator).organization(org());
      expect(answer.id).toBe(org());
      expect(emulator.counter.requests().map((r) => r.status)).toEqual([503, 200]);
    });

    it('503 past the retries: UPSTREAM_UNAVAILABLE after 1 + 2 attempts', async () => {
      emulator.setKnobs({ faults: [{ route: ORG, status: 503 }] });
      const error = await failure(clientFor(emulator).organization(org()));
      expect(error.extensions['code']).toBe('UPSTREAM_UNAVAILABLE');
      expect(emulator.counter.count(ORG)).toBe(3);
    });

    it('truncated JSON: UPSTREAM_BAD_RESPONSE', async () => {
      emulator.setKnobs({ faults: [{ route: ORGS, malformed: 'truncated', times: 1 }] });
      const error = await failure(clientFor(emulator).organizations());
      expect(error.extensions['code']).toBe('UPSTREAM_BAD_RESPONSE');
    });

    it('valid JSON of the wrong shape: UPSTREAM_BAD_RESPONSE', async () => {
      emulator.setKnobs({ faults: [{ route: CONNECTIONS, malformed: 'shape', times: 1 }] });
      const error = await failure(clientFor(emulator).organizationConnections(org()));
      expect(error.extensions['code']).toBe('UPSTREAM_BAD_RESPONSE');
    });

    it('no answer within timeoutMs: UPSTREAM_UNAVAILABLE', async () => {
      emulator.setKnobs({ faults: [{ route: MEMBERS, timeout: true }] });
      const client = clientFor(emulator, { retry: { retries: 0, timeoutMs: 150 } });
      const error = await failure(client.members(org()));
      expect(error.extensions['code']).toBe('UPSTREAM_UNAVAILABLE');
      expect(emulator.counter.count(MEMBERS)).toBe(1);
    });

    it('an unknown organization: NOT_FOUND', async () => {
      const error = await failure(clientFor(emulator).organization('org_doesNotExist0000'));
      expect(error.extensions['code']).toBe('NOT_FOUND');
      expect(error.extensions['upstreamStatus']).toBe(404);
    });
  });
});

/**
 * What the emulator cannot be made to do: an organization with more than 100 connections (the seed
 * enables at most 4 of 6 tenant connections), and a 429 carrying only the absolute-epoch reset header
 * (the emulator always adds Retry-After). A tiny loopback server answers as Auth0 does there.
 */
describe('Auth0Client against a scripted Auth0', () => {
  type Handler = (url: URL) => { status: number; headers?: Record<string, string>; body: unknown };
  let handler: Handler = () => ({ status: 500, body: {} });
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://scripted.local');
    seen.push(url.pathname + url.search);
    const answer = handler(url);
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  });
  let baseURL = '';
  const client = () =>
    new Auth0Client({ baseURL, retry: { retries: 2, timeoutMs: 2000, maxRetryDelayMs: 500 } }, () =>
      Promise.resolve(TOKEN),
    );

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  afterEach(() => {
    seen.length = 0;
  });

  it('follows offset pages until `total`, though `limit` is only the item count', async () => {
    const all = Array.from({ length: 230 }, (_, i) => ({ connection_id: `con_${i}` }));
    handler = (url) => {
      const page = Number(url.searchParams.get('page'));
      const perPage = Number(url.searchParams.get('per_page'));
      const items = all.slice(page * perPage, (page + 1) * perPage);
      // Auth0's recorded quirk: `limit` equals the number of items on the page.
      return {
        status: 200,
        body: { connections: items, start: page * perPage, limit: items.length, total: all.length },
      };
    };
    const connections = await client().organizationConnections('org_big');
    expect(connections.map((c) => c.connection_id)).toEqual(all.map((c) => c.connection_id));
    expect(seen).toEqual(
      [0, 1, 2].map(
        (page) =>
          `/api/v2/organizations/org_big/connections?page=${page}&per_page=100&include_totals=true`,
      ),
    );
  });

  it('stops at `total` when the last page is full, without asking for an empty one', async () => {
    const all = Array.from({ length: 200 }, (_, i) => ({ connection_id: `con_${i}` }));
    handler = (url) => {
      const page = Number(url.searchParams.get('page'));
      const items = all.slice(page * 100, (page + 1) * 100);
      return {
        status: 200,
        body: { enabled_connections: items, start: page * 100, limit: items.length, total: 200 },
      };
    };
    expect(await client().enabledConnections('org_big')).toHaveLength(200);
    expect(seen).toHaveLength(2);
  });

  it('follows member checkpoints until a short page, though Auth0 still sends `next` on it', async () => {
    const all = Array.from({ length: 150 }, (_, i) => ({ user_id: `auth0|${i}`, roles: [] }));
    handler = (url) => {
      const start = Number(url.searchParams.get('from') ?? 0);
      const items = all.slice(start, start + 100);
      return { status: 200, body: { members: items, next: String(start + items.length) } };
    };
    const members = await client().members('org_big');
    expect(members.map((m) => m.user_id)).toEqual(all.map((m) => m.user_id));
    expect(seen.map((u) => new URL(u, 'http://x').searchParams.get('from'))).toEqual([null, '100']);
  });

  it('a 429 with only x-ratelimit-reset: retryAfterSeconds from the absolute epoch, not the epoch itself', async () => {
    const resetEpochSeconds = Math.ceil(Date.now() / 1000) + 90;
    handler = () => ({
      status: 429,
      headers: {
        'x-ratelimit-limit': '10',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(resetEpochSeconds),
      },
      body: {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Global limit has been reached',
      },
    });
    const error = await failure(client().organization('org_any'));
    expect(error.extensions['code']).toBe('UPSTREAM_RATE_LIMITED');
    expect(error.extensions['upstreamStatus']).toBe(429);
    const wait = error.extensions['retryAfterSeconds'] as number;
    expect(wait).toBeGreaterThan(80);
    expect(wait).toBeLessThanOrEqual(91);
    // 90 s is beyond maxRetryDelayMs: not waited for, not retried.
    expect(seen).toHaveLength(1);
  });
});
