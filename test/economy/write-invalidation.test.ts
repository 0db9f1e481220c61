import { expect } from '@jest/globals';
import pino from 'pino';
import type { Config } from '../../src/config/config.type';
import { loadConfig } from '../../src/config/load-config';
import type { RunningEmulators } from '../../src/emulators/start-emulators';
import { encodeGlobalId } from '../../src/model/global-id';
import { Provider } from '../../src/model/provider';
import { AUTH0_CACHE_TAGS } from '../../src/providers/auth0/auth0-cache-tags';
import { Auth0Client } from '../../src/providers/auth0/auth0-client';
import { CRUX_CACHE_TAGS } from '../../src/providers/crux/crux-cache-tags';
import { DATADOG_CACHE_TAGS } from '../../src/providers/datadog/datadog-cache-tags';
import { DatadogClient } from '../../src/providers/datadog/datadog-client';
import { startServer, type RunningServer } from '../../src/server/start-server';
import type { UpstreamReport } from '../../src/upstream/upstream-stats';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { startTestStack, type GraphQLResponse, type TestStack } from '../support/test-stack';

/**
 * A write retires what it changed from the cache for every credential of the provider's tenant, and
 * on every replica sharing the store, while reads of other tags stay cached. The write here is the
 * emulator's data changed in place, then the invalidation a write makes (UpstreamGate.invalidate),
 * through a gate of the server's own upstream services, wired by a provider client as every request's
 * is. Calls are counted by the emulators.
 */

const DATADOG_CONNECTIONS = `{
  connections(filter: { providers: [DATADOG] }, limit: 500) { totalCount items { id } } }`;
const MEMBERS = `query ($id: ID!) { organization(id: $id) { users(limit: 500) { totalCount } } }`;
const DATADOG_LIST = 'GET /api/v2/org_connections';
const AUTH0_MEMBERS = 'GET /api/v2/organizations/:id/members';
const WARM_UP = '{ organizations(filter: { providers: [AUTH0] }, limit: 1) { totalCount } }';

interface Connections {
  connections: { totalCount: number; items: Array<{ id: string }> };
}

interface Members {
  organization: { users: { totalCount: number } };
}

/** A query that must succeed, and its data. */
async function ok<T>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<{ data: T; upstream: UpstreamReport }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  expect(body.errors).toBeUndefined();
  if (body.data == null) throw new Error('a successful answer without data');
  return { data: body.data, upstream: body.extensions?.['upstream'] as UpstreamReport };
}

/** The second Datadog org's keys: another credential at the same base URL, so the same tenant. */
function secondDatadogKeys(emulators: RunningEmulators): Record<string, string> {
  const { apiKey, appKey } = emulators.datadog.secondTenant.credentials;
  return { 'x-datadog-api-key': apiKey, 'x-datadog-application-key': appKey };
}

/** The first Auth0 tenant's static token: a caller's credential beside the server's client grant. */
function sameAuth0TenantToken(emulators: RunningEmulators): Record<string, string> {
  return { 'x-auth0-token': emulators.auth0.credentials.token };
}

/** What a write does to the cache after it was made: `method` and `path` as the client sent them. */
async function invalidateAfterWrite(
  server: RunningServer,
  providers: Config['providers'],
  provider: Provider.DATADOG | Provider.AUTH0,
  method: string,
  path: string,
): Promise<void> {
  const services = server.upstream;
  const retry = loadConfig({}).upstream;
  const scope = services.scope({}, 'writer');
  if (provider === Provider.DATADOG) {
    const { baseUrl, apiKey, appKey } = providers.datadog!;
    const gate = services.gate(scope, provider, baseUrl, [apiKey, appKey]);
    // The client hands the gate its profile (and so its cache tags), as for every request.
    new DatadogClient({ baseURL: baseUrl, retry, gate }, { apiKey, appKey });
    await gate.invalidate(method, new URL(path, baseUrl).href);
  } else {
    const { baseUrl } = providers.auth0!;
    const gate = services.gate(scope, provider, baseUrl, ['writer']);
    new Auth0Client({ baseURL: baseUrl, retry, gate }, () => Promise.resolve('unused'));
    await gate.invalidate(method, new URL(path, baseUrl).href);
  }
}

/** Removes the first connection of both Datadog orgs; its id in the first. */
function deleteOneDatadogConnectionInEachOrg(emulators: RunningEmulators): string {
  const { firstTenant, secondTenant } = emulators.datadog;
  secondTenant.data.connections.splice(0, 1);
  return firstTenant.data.connections.splice(0, 1)[0].id;
}

/** Two Auth0 organizations of the first tenant with members, as ids. */
function twoOrganizationsWithMembers(emulators: RunningEmulators): [string, string] {
  const { memberships, organizations } = emulators.auth0.data;
  const ids = organizations.map((o) => o.id).filter((id) => (memberships[id]?.length ?? 0) > 1);
  expect(ids.length).toBeGreaterThanOrEqual(2);
  return [ids[0], ids[1]];
}

function membersCalls(emulators: RunningEmulators, organizationId: string): number {
  return emulators.auth0.counter
    .requests()
    .filter((r) => r.route === AUTH0_MEMBERS && r.url.includes(`/${organizationId}/`)).length;
}

const organizationId = (key: string) => encodeGlobalId('Organization', Provider.AUTH0, key);

describe('cache tags of provider calls', () => {
  const datadog = 'https://api.datadoghq.com';
  const auth0 = 'https://tenant.auth0.com/api/v2/';

  it('tags every Datadog org connection read and write with org_connections', () => {
    const tags = (method: string, path: string) =>
      DATADOG_CACHE_TAGS(method, `${datadog}${path}`, datadog);
    expect(tags('GET', '/api/v2/org_connections?limit=1000&offset=0')).toEqual(['org_connections']);
    expect(tags('POST', '/api/v2/org_connections')).toEqual(['org_connections']);
    expect(tags('PATCH', '/api/v2/org_connections/abc')).toEqual(['org_connections']);
    expect(tags('delete', '/api/v2/org_connections/abc')).toEqual(['org_connections']);
    expect(tags('GET', '/api/v2/orgs')).toEqual([]);
    // A URL at another host is not this client's call.
    expect(DATADOG_CACHE_TAGS('GET', 'https://elsewhere/api/v2/org_connections', datadog)).toEqual(
      [],
    );
  });

  it("tags Auth0 reads and writes of an organization's connections and members by organization", () => {
    const tags = (method: string, path: string) =>
      AUTH0_CACHE_TAGS(method, `${auth0}${path}`, auth0);
    const connections = ['organization:org_1:connections'];
    const members = ['organization:org_1:members'];
    expect(tags('GET', 'organizations/org_1/enabled_connections?page=0')).toEqual(connections);
    expect(tags('GET', 'organizations/org_1/connections')).toEqual(connections);
    expect(tags('GET', 'organizations/org_1/enabled_connections/con_1')).toEqual(connections);
    expect(tags('POST', 'organizations/org_1/enabled_connections')).toEqual(connections);
    expect(tags('PATCH', 'organizations/org_1/connections/con_1')).toEqual(connections);
    expect(tags('DELETE', 'organizations/org_1/enabled_connections/con_1')).toEqual(connections);
    expect(tags('GET', 'organizations/org_1/members?take=100')).toEqual(members);
    expect(tags('GET', 'organizations/org_1/members/auth0%7Cu1/roles')).toEqual(members);
    expect(tags('POST', 'organizations/org_1/members')).toEqual(members);
    expect(tags('DELETE', 'organizations/org_1/members')).toEqual(members);
    expect(tags('POST', 'organizations/org_1/members/auth0%7Cu1/roles')).toEqual(members);
    expect(tags('DELETE', 'organizations/org_1/members/auth0%7Cu1/roles')).toEqual(members);
    // An id is decoded: the write and the read name the organization alike however it was encoded.
    expect(tags('GET', 'organizations/org%5F1/members')).toEqual(members);
    // The organization listing, one organization and the tenant's roles change by no write here.
    expect(tags('GET', 'organizations')).toEqual([]);
    expect(tags('GET', 'organizations/org_1')).toEqual([]);
    expect(tags('GET', 'roles')).toEqual([]);
    expect(tags('GET', 'roles/rol_1')).toEqual([]);
    // A method the route does not write with changes nothing.
    expect(tags('PATCH', 'organizations/org_1/members')).toEqual([]);
    // A relative path is taken under the base URL, as the clients send theirs.
    expect(AUTH0_CACHE_TAGS('POST', 'organizations/org_1/members', auth0)).toEqual(members);
  });

  it('tags no Crux call (orgraph writes nothing there)', () => {
    expect(
      CRUX_CACHE_TAGS('GET', 'https://crux/organizations/connections/', 'https://crux'),
    ).toEqual([]);
  });
});

describe('a write invalidates for every caller of the tenant (in-memory store)', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.query(WARM_UP);
  });
  afterAll(() => stack?.stop());
  beforeEach(() => stack.reset());

  it("makes both Datadog credentials' next listing go upstream and show the change", async () => {
    const { emulators, server } = stack;
    const count = () => emulators.datadog.counter.count(DATADOG_LIST);
    const own = () => ok<Connections>(server.url, DATADOG_CONNECTIONS);
    const other = () =>
      ok<Connections>(server.url, DATADOG_CONNECTIONS, { headers: secondDatadogKeys(emulators) });

    const [ownBefore, otherBefore] = [await own(), await other()];
    const coldCalls = count();
    expect(coldCalls).toBeGreaterThanOrEqual(2);
    await own();
    await other();
    expect(count()).toBe(coldCalls); // both cached

    const deleted = deleteOneDatadogConnectionInEachOrg(emulators);
    await invalidateAfterWrite(
      server,
      emulators.providers,
      Provider.DATADOG,
      'DELETE',
      `api/v2/org_connections/${deleted}`,
    );
    emulators.reset();

    const [ownAfter, otherAfter] = [await own(), await other()];
    expect(count()).toBe(coldCalls);
    expect(ownAfter.upstream.cache.hits).toBe(0);
    expect(ownAfter.data.connections.totalCount).toBe(ownBefore.data.connections.totalCount - 1);
    expect(otherAfter.data.connections.totalCount).toBe(
      otherBefore.data.connections.totalCount - 1,
    );
    // And cached again, at the new generation.
    await own();
    await other();
    expect(count()).toBe(coldCalls);
  });

  it("retires one Auth0 organization's members for both credentials, and keeps the other's", async () => {
    const { emulators, server } = stack;
    const [changed, untouched] = twoOrganizationsWithMembers(emulators);
    const read = (org: string, headers?: Record<string, string>) =>
      ok<Members>(server.url, MEMBERS, { variables: { id: organizationId(org) }, headers });
    const readAll = async () => ({
      server: await read(changed),
      caller: await read(changed, sameAuth0TenantToken(emulators)),
      other: await read(untouched),
      otherCaller: await read(untouched, sameAuth0TenantToken(emulators)),
    });

    const before = await readAll();
    expect(membersCalls(emulators, changed)).toBe(2);
    expect(membersCalls(emulators, untouched)).toBe(2);

    emulators.auth0.data.memberships[changed].pop();
    await invalidateAfterWrite(
      server,
      emulators.providers,
      Provider.AUTH0,
      'DELETE',
      `organizations/${changed}/members`,
    );
    emulators.reset();

    const after = await readAll();
    // One call per credential for the changed organization's members; none for the other's.
    expect(membersCalls(emulators, changed)).toBe(2);
    expect(membersCalls(emulators, untouched)).toBe(0);
    expect(emulators.auth0.counter.count('GET /api/v2/organizations/:id')).toBe(0);
    const total = (m: { data: Members }) => m.data.organization.users.totalCount;
    expect(total(after.server)).toBe(total(before.server) - 1);
    expect(total(after.caller)).toBe(total(before.caller) - 1);
    expect(after.other.data).toEqual(before.other.data);
    expect(after.otherCaller.upstream.cache.misses).toBe(0);
  });

  it('keeps entries cached when a write changes none of their tags', async () => {
    const { emulators, server } = stack;
    await ok<Connections>(server.url, DATADOG_CONNECTIONS);
    const calls = emulators.datadog.counter.count(DATADOG_LIST);
    await invalidateAfterWrite(server, emulators.providers, Provider.DATADOG, 'POST', 'api/v2/x');
    await ok<Connections>(server.url, DATADOG_CONNECTIONS);
    expect(emulators.datadog.counter.count(DATADOG_LIST)).toBe(calls);
  });
});

describe('a write serves no entry from before it, not even stale', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // Every entry is past its freshness at once, and served stale while one refresh runs.
    stack = await startTestStack({
      configure: (config) => ({
        ...config,
        cache: { ...config.cache, freshSeconds: { ...config.cache.freshSeconds, DATADOG: 0 } },
      }),
    });
  });
  afterAll(() => stack?.stop());

  it('answers the next read from the provider, where it would otherwise serve the stale entry', async () => {
    const { emulators, server } = stack;
    const read = () => ok<Connections>(server.url, DATADOG_CONNECTIONS);
    const first = await read();

    // Without invalidation: the stale entry, then a refresh in the background.
    emulators.datadog.firstTenant.data.connections.splice(0, 1);
    const stale = await read();
    expect(stale.upstream.stale).toBe(true);
    expect(stale.data).toEqual(first.data);
    await server.upstream.cache!.settle();

    const deleted = emulators.datadog.firstTenant.data.connections.splice(0, 1)[0].id;
    await invalidateAfterWrite(
      server,
      emulators.providers,
      Provider.DATADOG,
      'DELETE',
      `api/v2/org_connections/${deleted}`,
    );
    const after = await read();
    expect(after.upstream.stale).toBe(false);
    expect(after.upstream.cache.hits).toBe(0);
    expect(after.data.connections.totalCount).toBe(first.data.connections.totalCount - 2);
  });
});

describe('a write invalidates on every replica sharing Redis', () => {
  let redis: RedisServer;
  let stack: TestStack;
  let replica: RunningServer;

  beforeAll(async () => {
    redis = await startRedisServer();
    let shared: Config | undefined;
    stack = await startTestStack({
      configure: (config) => {
        shared = {
          ...config,
          store: { ...config.store, redisUrl: redis.url, secret: 'write-invalidation-secret-0123' },
        };
        return shared;
      },
    });
    // A second orgraph on the same emulators and the same Redis: another replica.
    replica = await startServer(shared!, pino({ level: 'silent' }));
    await ok(stack.server.url, WARM_UP);
    await ok(replica.url, WARM_UP);
  }, 30_000);

  afterAll(async () => {
    await replica?.stop();
    await stack?.stop();
    await redis?.stop();
  });

  beforeEach(() => stack.reset());

  it('has the other replica read upstream after the bump, for both credentials, then share it', async () => {
    const { emulators, server } = stack;
    expect(server.upstream.store.kind).toBe('redis');
    const count = () => emulators.datadog.counter.count(DATADOG_LIST);
    const read = (url: string, second: boolean) =>
      ok<Connections>(url, DATADOG_CONNECTIONS, {
        headers: second ? secondDatadogKeys(emulators) : {},
      });

    const before = [await read(server.url, false), await read(server.url, true)];
    const coldCalls = count();
    expect(coldCalls).toBeGreaterThanOrEqual(2);
    await read(replica.url, false);
    await read(replica.url, true);
    expect(count()).toBe(coldCalls); // the replica serves what the first one read

    const deleted = deleteOneDatadogConnectionInEachOrg(emulators);
    await invalidateAfterWrite(
      server,
      emulators.providers,
      Provider.DATADOG,
      'DELETE',
      `api/v2/org_connections/${deleted}`,
    );
    emulators.reset();

    const after = [await read(replica.url, false), await read(replica.url, true)];
    expect(count()).toBe(coldCalls);
    for (const [i, answer] of after.entries()) {
      expect(answer.data.connections.totalCount).toBe(before[i].data.connections.totalCount - 1);
    }
    // The writer's replica now serves what the other read, at the new generation.
    const writer = [await read(server.url, false), await read(server.url, true)];
    expect(count()).toBe(coldCalls);
    expect(writer.map((w) => w.data)).toEqual(after.map((a) => a.data));
  });

  it('starts a lost generation at a value never used before, so that old entries stay retired', async () => {
    const { emulators, server } = stack;
    const count = () => emulators.datadog.counter.count(DATADOG_LIST);
    await ok<Connections>(server.url, DATADOG_CONNECTIONS);
    const coldCalls = count();
    const generationKeys = (await redis.command('KEYS', '*:gen:*')) as string[];
    expect(generationKeys.length).toBe(1);
    // Evicted (or expired): the next read starts it again, and finds no entry of it.
    await redis.command('DEL', generationKeys[0]);
    await ok<Connections>(server.url, DATADOG_CONNECTIONS);
    expect(count()).toBe(2 * coldCalls);
    // No key holds a credential: the generation names provider, tenant hash and tag.
    expect(generationKeys[0]).toMatch(/:gen:DATADOG:[\w-]{16}:org_connections$/);
  });
});
