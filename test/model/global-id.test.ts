import { GraphQLError } from 'graphql';
import {
  compositeKey,
  decodeGlobalId,
  encodeGlobalId,
  splitCompositeKey,
} from '../../src/model/global-id';
import { Provider } from '../../src/model/provider';

describe('global IDs', () => {
  it('round-trip type, provider and key, including keys with separators', () => {
    const key = compositeKey('org_abc', 'auth0|63d16bb1/x:y');
    const id = encodeGlobalId('User', Provider.AUTH0, key);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeGlobalId(id)).toEqual({ type: 'User', provider: Provider.AUTH0, key });
    expect(splitCompositeKey(key, 2)).toEqual(['org_abc', 'auth0|63d16bb1/x:y']);
  });

  it('are stable: the same object always gets the same ID', () => {
    expect(encodeGlobalId('Organization', Provider.CRUX, 'u-1')).toBe(
      encodeGlobalId('Organization', Provider.CRUX, 'u-1'),
    );
  });

  it.each([
    '',
    'not an id',
    Buffer.from('[1,2,3]').toString('base64url'),
    Buffer.from('["Organization","CRUX",""]').toString('base64url'),
    Buffer.from('["Thing","CRUX","x"]').toString('base64url'),
    'A'.repeat(3000),
  ])('reject %p with BAD_USER_INPUT', (id) => {
    let error: unknown;
    try {
      decodeGlobalId(id);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('reject an ID of another type when one is expected', () => {
    const id = encodeGlobalId('Connection', Provider.CRUX, 'x');
    expect(() => decodeGlobalId(id, 'Organization')).toThrow(/is a Connection ID/);
  });
});
