import { parse, validate } from 'graphql';
import { buildOrgraphSchemas } from '../../src/schema/build-schema';
import { depthLimitRule } from '../../src/server/depth-limit.rule';

describe('depthLimitRule', () => {
  let schema: Awaited<ReturnType<typeof buildOrgraphSchemas>>['api'];
  beforeAll(async () => {
    schema = (await buildOrgraphSchemas()).api;
  });
  const errorsOf = (query: string) => validate(schema, parse(query), [depthLimitRule(4)]);

  it('counts depth through fragments and inline fragments', () => {
    const ok = `{ organizations { items { ...F } } } fragment F on Organization { connections { totalCount } }`;
    expect(errorsOf(ok)).toEqual([]);
    const deep = `{ organizations { items { ...F } } }
      fragment F on Organization { connections { items { ... on Connection { id } } } }`;
    expect(errorsOf(deep).map((e) => e.message)).toEqual([
      'Query is nested 5 levels deep; at most 4 are allowed',
    ]);
  });

  it('does not count introspection', () => {
    expect(
      errorsOf('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }'),
    ).toEqual([]);
  });

  it('checks a document of 40 fragments each spreading the next twice in linear time', () => {
    // Without a memo this is 2^40 visits; the test would not finish.
    const fragments = Array.from({ length: 40 }, (_, i) =>
      i < 39
        ? `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`
        : `fragment F${i} on Query { providers { provider } }`,
    );
    const document = parse(`{ ...F0 } ${fragments.join(' ')}`);
    expect(validate(schema, document, [depthLimitRule(4)])).toEqual([]);
  });
});
