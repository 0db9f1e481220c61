import { startTestStack, upstreamCalls, type TestStack } from '../support/test-stack';

/** What the limits do over HTTP, in-process, with limits set small enough to reach on the demo data. */
describe('query admission and the response ceiling', () => {
  let stack: TestStack;
  const calls = () => upstreamCalls(stack.emulators).total;

  beforeAll(async () => {
    stack = await startTestStack({
      configure: (config) => ({
        ...config,
        limits: {
          ...config.limits,
          maxResponseBytes: 5_000,
          maxTokens: 1_000_000,
          hideSchemaDetails: true,
          federationTraces: false,
        },
      }),
    });
  });
  afterAll(() => stack.stop());
  // Calls a stopped response had already started may land after it: wait for them, then count afresh.
  beforeEach(async () => {
    await stack.server.upstream.reset();
    stack.emulators.reset();
  });

  it('answers a response past its ceiling with one RESPONSE_TOO_LARGE error instead of the data', async () => {
    const result = await stack.query(
      '{ organizations(limit: 500) { items { id name provider nativeId connections(limit: 20) { items { id kind } } } } }',
    );
    expect(result.status).toBe(200);
    expect(result.data).toBeNull();
    expect(result.errors).toEqual([
      {
        message: 'The response grew past its limit of 5 KB; ask for smaller pages or fewer fields',
        extensions: { code: 'RESPONSE_TOO_LARGE', limit: 'responseSize', maxBytes: 5_000 },
      },
    ]);
    // The same operation under the ceiling is answered: the ceiling, not the query, refused it.
    const small = await stack.query<{
      organizations: { items: Array<{ id: string; name: string }> };
    }>('{ organizations(limit: 3) { items { id name } } }');
    expect(small.errors).toBeUndefined();
    expect(small.data!.organizations.items).toHaveLength(3);
  });

  it('refuses a chain of 20,000 fragment spreads with a validation error, not a stack overflow', async () => {
    const n = 20_000;
    const fragments = Array.from({ length: n }, (_, i) =>
      i < n - 1
        ? `fragment F${i} on Query { ...F${i + 1} }`
        : `fragment F${i} on Query { providers { provider } }`,
    );
    const result = await stack.query(`{ ...F0 } ${fragments.join(' ')}`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'nesting',
      maxNesting: 200,
    });
    expect(calls()).toBe(0);
  });

  it('hides field suggestions when configured to', async () => {
    const result = await stack.query('{ organizationz { totalCount } }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.message).toBe('Cannot query field "organizationz" on type "Query".');
  });

  it('sends no federated trace to a caller that asks for one when traces are off', async () => {
    const result = await stack.query('{ providers { provider } }', undefined, {
      'apollo-federation-include-trace': 'ftv1',
    });
    expect(result.errors).toBeUndefined();
    expect(result.extensions?.ftv1).toBeUndefined();
  });

  it('refuses a batch of operations in one request', async () => {
    const response = await fetch(stack.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: '{ providers { provider } }' },
        { query: '{ providers { provider } }' },
      ]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(calls()).toBe(0);
  });
});

describe('federated traces where configuration allows them', () => {
  it('answers a router asking for ftv1 with a trace', async () => {
    const stack = await startTestStack({
      configure: (config) => ({ ...config, limits: { ...config.limits, federationTraces: true } }),
    });
    try {
      const result = await stack.query('{ providers { provider } }', undefined, {
        'apollo-federation-include-trace': 'ftv1',
      });
      expect(typeof result.extensions?.ftv1).toBe('string');
      const plain = await stack.query('{ providers { provider } }');
      expect(plain.extensions?.ftv1).toBeUndefined();
    } finally {
      await stack.stop();
    }
  });
});
