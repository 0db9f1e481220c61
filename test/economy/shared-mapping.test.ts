import { deepFreeze } from '../../src/cache/deep-freeze';
import { mapShared } from '../../src/cache/shared-mapping';

const names = (rows: ReadonlyArray<{ name: string }>) => rows.map((row) => ({ label: row.name }));

describe('mapping of reads that requests share', () => {
  it('maps a read from the cache (frozen) once, and hands out the result frozen', () => {
    const read = deepFreeze([{ name: 'a' }, { name: 'b' }]);
    const first = mapShared(read, names);
    expect(first).toEqual([{ label: 'a' }, { label: 'b' }]);
    expect(mapShared(read, names)).toBe(first);
    expect(Object.isFrozen(first[0])).toBe(true);
  });

  it("maps a request's own read for it alone", () => {
    const read = [{ name: 'a' }];
    const first = mapShared(read, names);
    expect(mapShared(read, names)).not.toBe(first);
    expect(Object.isFrozen(first)).toBe(false);
  });
});
