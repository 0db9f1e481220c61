import { loadConfig } from '../../src/config/load-config';
import { startTestStack, type TestStack } from '../support/test-stack';

/** GraphiQL and introspection follow configuration on the real server (production turns them off). */
describe.each([
  ['on', {}, true],
  ['off in production', { NODE_ENV: 'production' }, false],
])('GraphiQL %s', (_name, env, enabled) => {
  let stack: TestStack;

  beforeAll(async () => {
    const { graphiql, introspection } = loadConfig(env);
    stack = await startTestStack({ configure: (c) => ({ ...c, graphiql, introspection }) });
  });
  afterAll(() => stack.stop());

  it(`${enabled ? 'serves' : 'does not serve'} the page to browsers`, async () => {
    const response = await fetch(stack.server.url, { headers: { accept: 'text/html' } });
    const body = await response.text();
    expect(body.includes('/graphiql/assets/')).toBe(enabled);
    if (!enabled) expect(response.status).toBe(400);
  });

  it(`${enabled ? 'answers' : 'refuses'} introspection`, async () => {
    const result = await stack.query<{ __schema: { queryType: { name: string } } }>(
      '{ __schema { queryType { name } } }',
    );
    if (enabled) {
      expect(result.data?.__schema.queryType.name).toBe('Query');
    } else {
      expect(result.errors![0].message).toMatch(/introspection is not allowed/i);
    }
  });

  it('still answers queries', async () => {
    const result = await stack.query<{ providers: unknown[] }>('{ providers { provider } }');
    expect(result.data?.providers).toHaveLength(3);
  });
});
