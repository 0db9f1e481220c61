import fs from 'node:fs';
import { expect } from '@jest/globals';
import { hashApiKey } from '../../src/callers/api-key-hash';
import { startEmulators, type RunningEmulators } from '../../src/emulators/start-emulators';
import { emulatorEnv } from '../support/emulator-env';
import { startOrgraphProcess, type OrgraphProcess } from '../support/orgraph-process';
import { postGraphQL } from '../support/post-graphql';
import { upstreamCalls } from '../support/test-stack';

/**
 * Each hostile request of the query-admission issue, sent over HTTP to orgraph running as a production
 * process in a container-sized heap (512 MB), with caller authentication on. Each must be refused with its code and, where it can be
 * refused before it runs, with no upstream call; the process must answer normally afterwards. Set
 * HOSTILE_TABLE=1 to print the table of codes, calls and peak RSS.
 */

const API_KEY = 'hostile-suite-key-0123456789abcdef';

const CHAIN =
  'organizations(limit:500){items{connections(limit:500){items{organizations{connections(limit:500){items{organizations{users(limit:500){items{permissions{users{name}}}}}}}}}}}}';

const aliases = (n: number, selection: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

const fragmentChain = (n: number) =>
  `{ ...F0 } ${Array.from({ length: n }, (_, i) =>
    i < n - 1
      ? `fragment F${i} on Query { ...F${i + 1} }`
      : `fragment F${i} on Query { providers { provider } }`,
  ).join(' ')}`;

const doublingFragments = (n: number) =>
  `{ ...F0 } ${Array.from({ length: n }, (_, i) =>
    i < n - 1
      ? `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`
      : `fragment F${i} on Query { organizations(limit: 500) { items { name } } }`,
  ).join(' ')}`;

const nested = (levels: number) => {
  let selection = 'totalCount';
  for (let i = 0; i < levels; i += 1)
    selection = `items { organizations { connections { ${selection} } } }`;
  return `{ organizations { items { connections { ${selection} } } } }`;
};

interface HostileCase {
  name: string;
  /** A GraphQL request, or a raw body. */
  request: { query: string; variables?: Record<string, unknown> } | { raw: string };
  /** Headers instead of the suite's API key. */
  headers?: Record<string, string>;
  status: number;
  code: string;
  limit?: string;
  /** Refused before it ran: no upstream call at all. */
  noUpstreamCall: boolean;
  /** More to check on the answer. */
  check?: (body: Answer) => void;
}

interface Answer {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

const CASES: HostileCase[] = [
  {
    name: 'no API key, with caller authentication on',
    request: { query: '{ organizations { totalCount } }' },
    headers: {},
    status: 401,
    code: 'UNAUTHENTICATED',
    noUpstreamCall: true,
  },
  {
    name: 'a wrong API key',
    request: { query: '{ organizations { totalCount } }' },
    headers: { 'x-api-key': 'not-the-key' },
    status: 401,
    code: 'UNAUTHENTICATED',
    noUpstreamCall: true,
  },
  {
    name: 'the 4.4 KB query: 20 aliases of a 13-level chain of limit: 500',
    request: { query: aliases(20, CHAIN) },
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
    limit: 'cost',
    noUpstreamCall: true,
  },
  {
    name: 'the same chain with its limits in variables',
    request: {
      query: `query($l: Int!) { organizations(limit: $l) { items { connections(limit: $l) { items {
        organizations { connections(limit: $l) { items { id } } } } } } } }`,
      variables: { l: 500 },
    },
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
    limit: 'cost',
    noUpstreamCall: true,
  },
  {
    name: '10,000 aliases',
    request: { query: aliases(10_000, 'providers { provider }') },
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    noUpstreamCall: true,
  },
  {
    name: '1,000 aliases of organizations(limit: 500)',
    request: { query: aliases(1_000, 'organizations(limit: 500) { items { name } }') },
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    noUpstreamCall: true,
  },
  {
    name: '31 aliases (the limit is 30)',
    request: { query: aliases(31, 'providers { provider }') },
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    limit: 'aliases',
    noUpstreamCall: true,
  },
  {
    name: '21 directives (the limit is 20)',
    request: {
      query: `{ providers { ${Array.from({ length: 21 }, () => 'provider @include(if: true)').join(' ')} } }`,
    },
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    limit: 'directives',
    noUpstreamCall: true,
  },
  {
    name: 'fields nested 19 deep (the limit is 15)',
    request: { query: nested(5) },
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    limit: 'depth',
    noUpstreamCall: true,
  },
  {
    name: 'a document of 5,001 tokens',
    request: { query: `{ providers { ${'provider '.repeat(4_996)}} }` },
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    noUpstreamCall: true,
  },
  {
    name: 'a chain of 20,000 fragment spreads',
    request: { query: fragmentChain(20_000) },
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
    noUpstreamCall: true,
  },
  {
    name: '40 fragments each spreading the next twice (2^40 fields)',
    request: { query: doublingFragments(40) },
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
    limit: 'cost',
    noUpstreamCall: true,
  },
  {
    name: 'a misspelled field: no suggestion from the schema',
    request: { query: '{ organizationz { totalCount } }' },
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    noUpstreamCall: true,
    check: (body) => expect(body.errors![0].message).not.toMatch(/Did you mean/),
  },
  {
    name: 'introspection in production',
    request: { query: '{ __schema { types { name } } }' },
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
    noUpstreamCall: true,
  },
  {
    name: 'a batch of 100 operations in one request',
    request: {
      raw: JSON.stringify(
        Array.from({ length: 100 }, () => ({ query: '{ providers { provider } }' })),
      ),
    },
    status: 400,
    code: 'BAD_REQUEST',
    noUpstreamCall: true,
  },
  {
    name: 'a 2 MB request body',
    request: {
      raw: JSON.stringify({ query: `{ providers { provider } } #${'x'.repeat(2 * 1024 * 1024)}` }),
    },
    status: 413,
    code: 'BAD_REQUEST',
    noUpstreamCall: true,
  },
  {
    name: 'an ftv1 trace asked for without permission',
    request: { query: '{ providers { provider } }' },
    headers: { 'x-api-key': API_KEY, 'apollo-federation-include-trace': 'ftv1' },
    status: 200,
    code: '(none: answered without a trace)',
    noUpstreamCall: true,
    check: (body) => {
      expect(body.errors).toBeUndefined();
      expect(body.extensions?.ftv1).toBeUndefined();
    },
  },
  {
    name: 'a response past the 1 MB ceiling, within the cost limit',
    request: {
      query: aliases(
        30,
        `organizations(limit: 100) { items { id name displayName provider nativeId website orgType status
          connections(limit: 12) { items { id provider nativeId kind status organizations { id name nativeId provider } } }
          users(limit: 6) { items { id name email nativeId } } } }`,
      ),
    },
    status: 200,
    code: 'RESPONSE_TOO_LARGE',
    limit: 'responseSize',
    noUpstreamCall: false,
    check: (body) => {
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
    },
  },
];

/** Emulators, and orgraph in production mode with a 512 MB heap in front of them. */
function hostileTarget(env: Record<string, string>) {
  const target = {} as { emulators: RunningEmulators; orgraph: OrgraphProcess };
  beforeAll(async () => {
    target.emulators = await startEmulators();
    target.orgraph = await startOrgraphProcess(
      { ...emulatorEnv(target.emulators), NODE_ENV: 'production', LOG_LEVEL: 'info', ...env },
      { nodeArgs: ['--max-old-space-size=512'] },
    );
  }, 60_000);
  afterAll(async () => {
    await target.orgraph?.stop();
    await target.emulators?.stop();
  });
  return target;
}

describe('hostile queries against a production orgraph process with a 512 MB heap', () => {
  const target = hostileTarget({
    ORGRAPH_MAX_RESPONSE_MB: '1',
    ORGRAPH_API_KEYS: JSON.stringify([{ id: 'hostile-suite', sha256: hashApiKey(API_KEY) }]),
  });
  const rows: string[] = [];

  afterAll(() => {
    if (!process.env.HOSTILE_TABLE) return;
    const header = [
      '| case | HTTP | code | upstream calls | peak RSS (MB) |',
      '|---|---|---|---|---|',
    ];
    process.stdout.write([...header, ...rows].join('\n') + '\n');
  });

  it.each(CASES)('$name: $code', async (hostile) => {
    const { orgraph, emulators } = target;
    resetPeakRss(orgraph.pid);
    emulators.reset();
    const headers = hostile.headers ?? { 'x-api-key': API_KEY };
    const { status, body } = await postGraphQL<Answer>(orgraph.url, hostile.request, headers);
    const calls = upstreamCalls(emulators).total;
    const code = body.errors?.[0]?.extensions?.code ?? hostile.code;
    rows.push(`| ${hostile.name} | ${status} | ${code} | ${calls} | ${peakRssMb(orgraph.pid)} |`);

    expect(status).toBe(hostile.status);
    if (hostile.status !== 200 || hostile.limit) {
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: hostile.code,
        ...(hostile.limit ? { limit: hostile.limit } : {}),
      });
      // Clear words for the caller, never a stack trace.
      expect(body.errors![0].message).not.toMatch(/\n\s+at /);
    }
    if (hostile.noUpstreamCall) expect(calls).toBe(0);
    hostile.check?.(body);
  });

  it('still answers afterwards, with every provider', async () => {
    const { status, body } = await postGraphQL<{
      data: { organizations: { totalCount: number; items: Array<{ provider: string }> } };
    }>(
      target.orgraph.url,
      {
        query: '{ organizations(limit: 100) { totalCount items { provider } } }',
      },
      { 'x-api-key': API_KEY },
    );
    expect(status).toBe(200);
    expect(body.data.organizations.totalCount).toBe(37);
    expect(new Set(body.data.organizations.items.map((o) => o.provider))).toEqual(
      new Set(['CRUX', 'AUTH0', 'DATADOG']),
    );
  });
});

describe('the response ceiling alone, with the cost limit turned off', () => {
  const target = hostileTarget({ ORGRAPH_MAX_COST: '0' });

  it('stops the 4.4 KB query at the default 8 MB, inside a 512 MB heap, and answers afterwards', async () => {
    const { orgraph } = target;
    resetPeakRss(orgraph.pid);
    const { status, body } = await postGraphQL<Answer>(orgraph.url, {
      query: aliases(20, CHAIN),
    }).catch((error) => {
      throw new Error(`${error}: ${orgraph.logs().slice(-15).join('\n')}`);
    });
    if (process.env.HOSTILE_TABLE) {
      const code = body.errors?.[0]?.extensions?.code;
      process.stdout.write(
        `the 4.4 KB query, no cost limit: ${status} ${code}, peak RSS ${peakRssMb(orgraph.pid)} MB\n`,
      );
    }
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'RESPONSE_TOO_LARGE' }),
      }),
    ]);
    const after = await postGraphQL(orgraph.url, { query: '{ providers { provider } }' });
    expect(after.status).toBe(200);
  }, 60_000);
});

/** Linux: writing 5 to clear_refs resets the peak RSS (VmHWM), so each case reports its own. */
function resetPeakRss(pid: number): void {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not allowed here: the peak then covers the cases before too.
  }
}

function peakRssMb(pid: number): string {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? (kb / 1024).toFixed(0) : '?';
  } catch {
    return '?';
  }
}
