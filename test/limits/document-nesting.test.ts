import { parse } from 'graphql';
import { documentNesting } from '../../src/limits/document-nesting';

describe('documentNesting', () => {
  it('counts selection sets with fragments inlined, a spread being a level', () => {
    expect(documentNesting(parse('{ a { b { c } } }'))).toBe(3);
    expect(documentNesting(parse('{ a { ...F } } fragment F on T { b { c } }'))).toBe(4);
    expect(documentNesting(parse('{ a { ... on T { b } } }'))).toBe(3);
  });

  it('measures a chain of 20,000 fragment spreads without overflowing the stack', () => {
    const n = 20_000;
    const fragments = Array.from({ length: n }, (_, i) =>
      i < n - 1 ? `fragment F${i} on Q { ...F${i + 1} }` : `fragment F${i} on Q { leaf }`,
    );
    const document = parse(`{ ...F0 } ${fragments.join(' ')}`, { maxTokens: 1_000_000 });
    expect(documentNesting(document)).toBe(n + 1);
  });

  it('measures fragments spreading each other twice in linear time, and counts a cycle once', () => {
    const fragments = Array.from({ length: 40 }, (_, i) =>
      i < 39 ? `fragment F${i} on Q { ...F${i + 1} ...F${i + 1} }` : `fragment F${i} on Q { leaf }`,
    );
    expect(documentNesting(parse(`{ ...F0 } ${fragments.join(' ')}`))).toBe(41);
    expect(
      documentNesting(parse('{ ...A } fragment A on Q { x { ...B } } fragment B on Q { ...A }')),
    ).toBe(4);
  });
});
