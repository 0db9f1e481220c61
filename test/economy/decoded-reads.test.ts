import { encodeCachedRead } from '../../src/cache/cached-read';
import { DecodedReads } from '../../src/cache/decoded-reads';

describe('decoded cache entries', () => {
  const text = encodeCachedRead({ readAt: 1000, value: [{ id: 'a', tags: ['x'] }] });

  it('hands every reader of the same entry the same objects, frozen', () => {
    const decoded = new DecodedReads();
    const first = decoded.decode<Array<{ id: string; tags: string[] }>>('k', text)!;
    const again = decoded.decode<Array<{ id: string; tags: string[] }>>('k', `${text}`)!;
    expect(again.value).toBe(first.value);
    expect(first).toEqual({ readAt: 1000, value: [{ id: 'a', tags: ['x'] }] });
    expect(Object.isFrozen(first.value[0].tags)).toBe(true);
    expect(() => first.value[0].tags.push('y')).toThrow(TypeError);
  });

  it('decodes again when the entry changed, and reads nothing else as an entry', () => {
    const decoded = new DecodedReads();
    const first = decoded.decode('k', text)!;
    const newer = decoded.decode('k', encodeCachedRead({ readAt: 2000, value: [] }))!;
    expect(newer).toEqual({ readAt: 2000, value: [] });
    expect(newer.value).not.toBe(first.value);
    expect(decoded.decode('k', undefined)).toBeUndefined();
    expect(decoded.decode('k', '{"not":"an entry"}')).toBeUndefined();
  });

  it('keeps at most its bound of text decoded', () => {
    const decoded = new DecodedReads(text.length * 2);
    const a = decoded.decode('a', text)!;
    decoded.decode('b', text);
    decoded.decode('c', text);
    expect(decoded.decode('a', text)!.value).not.toBe(a.value);
  });
});
