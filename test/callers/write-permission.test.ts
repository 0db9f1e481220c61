import { encodeGlobalId } from '../../src/model/global-id';
import { Provider } from '../../src/model/provider';
import { upstreamCalls, type TestStack } from '../support/test-stack';
import { KEYS, startCallersStack } from './callers-stack';

const DELETE = `mutation($input: ConnectionIdInput!) {
  deleteConnection(input: $input) { removedConnectionId userErrors { code } } }`;

/** With caller authentication on, reaching the server is not enough to write with its keys. */
describe('who may write', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startCallersStack();
  });
  afterAll(() => stack.stop());
  beforeEach(() => stack.reset());

  const missing = {
    input: {
      id: encodeGlobalId('Connection', Provider.DATADOG, '00000000-0000-0000-0000-000000000000'),
    },
  };

  it('a caller without `writes` is refused (FORBIDDEN) before any upstream call', async () => {
    const result = await stack.query(DELETE, missing, { 'x-api-key': KEYS.noOwn });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(result.errors?.[0].message).toBe('Caller "no-own-credentials" may not write');
    expect(upstreamCalls(stack.emulators).total).toBe(0);
  });

  it('a caller with `writes` reaches the provider', async () => {
    const result = await stack.query<{ deleteConnection: { userErrors: Array<{ code: string }> } }>(
      DELETE,
      missing,
      { 'x-api-key': KEYS.admin },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.deleteConnection.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    expect(stack.emulators.datadog.counter.count()).toBe(1);
  });

  it('no caller at all: UNAUTHENTICATED', async () => {
    const result = await stack.query(DELETE, missing);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(upstreamCalls(stack.emulators).total).toBe(0);
  });
});
