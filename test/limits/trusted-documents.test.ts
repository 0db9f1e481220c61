import path from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { configErrorOf } from '../support/config-error-of';
import { startTestStack, upstreamCalls, type TestStack } from '../support/test-stack';

describe('trusted-documents mode with the typed client operations', () => {
  let stack: TestStack;
  const calls = () => upstreamCalls(stack.emulators).total;

  beforeAll(async () => {
    stack = await startTestStack({
      configure: (config) => ({
        ...config,
        limits: { ...config.limits, trustedDocuments: 'client' },
      }),
    });
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.reset());

  it('runs the generated client operations', async () => {
    const { organizations } = await stack.sdk.OrganizationsWithConnections({ limit: 5 });
    expect(organizations.items).toHaveLength(5);
    const { providers } = await stack.sdk.Providers();
    expect(providers.map((p) => p.provider).sort()).toEqual(['AUTH0', 'CRUX', 'DATADOG']);
  });

  it('runs a registered operation however it is spaced or commented', async () => {
    const result = await stack.query(
      '# the client operation, written by hand\nquery Providers { providers { provider label enabled } }',
    );
    expect(result.errors).toBeUndefined();
  });

  it('refuses any other operation before it runs, with no upstream call', async () => {
    const result = await stack.query('{ organizations(limit: 500) { items { name } } }');
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_NOT_TRUSTED' });
    expect(calls()).toBe(0);
    // A registered operation's name on a different selection is another operation.
    const renamed = await stack.query(
      'query Providers { providers { provider } organizations { totalCount } }',
    );
    expect(renamed.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_NOT_TRUSTED' });
    expect(calls()).toBe(0);
  });
});

describe('ORGRAPH_TRUSTED_DOCUMENTS', () => {
  it('is off by default, takes client or a path, and names only itself when the path is wrong', () => {
    expect(loadConfig({}).limits.trustedDocuments).toBeUndefined();
    expect(loadConfig({ ORGRAPH_TRUSTED_DOCUMENTS: 'client' }).limits.trustedDocuments).toBe(
      'client',
    );
    const folder = path.resolve(__dirname, '../../src/client/operations');
    expect(loadConfig({ ORGRAPH_TRUSTED_DOCUMENTS: folder }).limits.trustedDocuments).toBe(folder);
    const error = configErrorOf({ ORGRAPH_TRUSTED_DOCUMENTS: '/nowhere/secret-ops.graphql' });
    expect(error.variable).toBe('ORGRAPH_TRUSTED_DOCUMENTS');
    expect(error.message).not.toContain('secret-ops');
  });
});
