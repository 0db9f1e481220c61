import { startTestStack, type TestStack } from '../support/test-stack';

const post = (stack: TestStack, query: string) =>
  fetch(stack.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });

describe('Cache-Control of GraphQL answers', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  it('is no-store on an answer with data', async () => {
    const response = await post(stack, '{ providers { provider enabled } }');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('is no-store on a refused operation too', async () => {
    const response = await post(stack, '{ noSuchField }');
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
