import { parse } from 'graphql';
import { queryCost, TooManyFieldsToEstimateError } from '../../src/limits/query-cost';
import { buildOrgraphSchema } from '../../src/schema/build-schema';

describe('queryCost', () => {
  let schema: Awaited<ReturnType<typeof buildOrgraphSchema>>;
  beforeAll(async () => {
    schema = await buildOrgraphSchema();
  });
  const cost = (query: string, variables?: Record<string, unknown>) =>
    queryCost(schema, parse(query), variables, undefined);

  it('counts every field once, and what is under a page once per item its limit allows', () => {
    // page 1 + 10 × (items 1 + name 1)
    expect(cost('{ organizations(limit: 10) { items { name } } }')).toBe(1 + 10 * 2);
    // the default limit (50) counts when none is given; totalCount is one field
    expect(cost('{ organizations { totalCount } }')).toBe(1 + 50 * 1);
    // nested pages multiply
    expect(
      cost('{ organizations(limit: 10) { items { connections(limit: 4) { totalCount } } } }'),
    ).toBe(1 + 10 * (1 + (1 + 4 * 1)));
  });

  it("prices README's example at 4,301", () => {
    expect(
      cost(
        '{ organizations(limit: 100) { items { name connections(limit: 20) { items { id } } } } }',
      ),
    ).toBe(4_301);
  });

  it('reads limits and ids from variables', () => {
    const query =
      'query($l: Int!, $ids: [ID!]!) { organizations(limit: $l) { totalCount } nodes(ids: $ids) { id } }';
    expect(cost(query, { l: 200, ids: ['a', 'b', 'c'] })).toBe(1 + 200 + (1 + 3 * 1));
  });

  it('caps a limit at the largest page: a larger one is refused by the list itself', () => {
    expect(cost('{ organizations(limit: 1000000) { totalCount } }')).toBe(1 + 500);
  });

  it('assumes sizes for lists without a limit: two sides of a connection, 20 holders of a permission', () => {
    expect(cost('{ connections(limit: 1) { items { organizations { name } } } }')).toBe(
      1 + 1 * (1 + (1 + 2 * 1)),
    );
    expect(cost('{ permissions(limit: 1) { items { users { name } } } }')).toBe(
      1 + 1 * (1 + (1 + 20 * 1)),
    );
  });

  it('prices the hostile 13-level chain far past any sensible limit', () => {
    const chain =
      'organizations(limit:500){items{connections(limit:500){items{organizations{connections(limit:500){items{organizations{users(limit:500){items{permissions{users{name}}}}}}}}}}}}';
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: ${chain}`).join(' ');
    expect(cost(`{ ${aliases} }`)).toBeGreaterThan(1e12);
  });

  it('is undefined when the arguments cannot be read (execution refuses the variables)', () => {
    expect(cost('query($l: Int!) { organizations(limit: $l) { totalCount } }', {})).toBeUndefined();
  });

  it('gives up on a document of fragments that expands past 10,000 fields, in bounded time', () => {
    const fragments = Array.from({ length: 40 }, (_, i) =>
      i < 39
        ? `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`
        : `fragment F${i} on Query { providers { provider } }`,
    );
    expect(() => cost(`{ ...F0 } ${fragments.join(' ')}`)).toThrow(TooManyFieldsToEstimateError);
  });
});
