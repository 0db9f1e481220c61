import { MemorySharedStore } from '../../src/shared-store/memory-shared-store';

/**
 * The embedded store's bound: cached entries are counted in bytes (two per UTF-16 code unit of key and
 * value) and the least recently used go first, so a cache of large provider listings never grows the
 * heap past `maxBytes`. Rate windows are kept apart and survive any cache pressure.
 */
describe('MemorySharedStore', () => {
  /** Two-character keys and 98-character values: 200 bytes an entry. */
  const value = (fill: string) => fill.repeat(98);
  const ENTRY_BYTES = 200;

  it('counts an entry as two bytes per character of its key and value', async () => {
    const store = new MemorySharedStore(10_000);
    await store.set('k0', value('a'));
    expect(store.sizeBytes).toBe(ENTRY_BYTES);
    // Replacing an entry recounts it rather than adding to it.
    await store.set('k0', value('b'));
    expect(store.sizeBytes).toBe(ENTRY_BYTES);
    await store.delete('k0');
    expect(store.sizeBytes).toBe(0);
  });

  it('evicts the least recently used entries past its bound', async () => {
    const store = new MemorySharedStore(5 * ENTRY_BYTES);
    for (let i = 0; i < 5; i++) await store.set(`k${i}`, value(String(i)));
    expect(store.sizeBytes).toBe(5 * ENTRY_BYTES);
    // Reading k0 makes it the most recently used: k1 is now the oldest.
    expect(await store.get('k0')).toBe(value('0'));

    await store.set('k5', value('5'));
    expect(store.sizeBytes).toBeLessThanOrEqual(5 * ENTRY_BYTES);
    expect(await store.get('k1')).toBeUndefined();
    for (const key of ['k0', 'k2', 'k3', 'k4', 'k5']) expect(await store.get(key)).toBeDefined();

    // Those reads ran in that order: k0 is now the least recently used, then k2 and k3. An entry the
    // size of three evicts those three.
    await store.set('kk', 'x'.repeat(3 * 100 - 2));
    expect(store.sizeBytes).toBe(5 * ENTRY_BYTES);
    for (const key of ['k0', 'k2', 'k3']) expect(await store.get(key)).toBeUndefined();
    for (const key of ['k4', 'k5', 'kk']) expect(await store.get(key)).toBeDefined();
  });

  it('stays within its bound whatever is written, keeping the latest entry', async () => {
    const bound = 4_096;
    const store = new MemorySharedStore(bound);
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    for (let i = 0; i < 500; i++) {
      const key = `key-${next() % 60}`;
      const text = 'v'.repeat(next() % 900);
      await store.set(key, text);
      expect(store.sizeBytes).toBeLessThanOrEqual(bound);
      expect(await store.get(key)).toBe(text);
      if (i % 3 === 0) await store.get(`key-${next() % 60}`);
    }
    expect(store.sizeBytes).toBeGreaterThan(bound / 2);
  });

  it('does not keep an entry larger than its whole bound, and keeps the others', async () => {
    const store = new MemorySharedStore(5 * ENTRY_BYTES);
    await store.set('k0', value('0'));
    await store.set('huge', 'x'.repeat(5 * ENTRY_BYTES));
    expect(await store.get('huge')).toBeUndefined();
    expect(await store.get('k0')).toBe(value('0'));
    expect(store.sizeBytes).toBe(ENTRY_BYTES);
  });

  it('forgets an entry at the end of its ttl', async () => {
    const store = new MemorySharedStore(10_000);
    await store.set('short', 'value', { ttl: 1 });
    await store.set('long', 'value', { ttl: 3_600 });
    expect(await store.get('short')).toBe('value');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await store.get('short')).toBeUndefined();
    expect(await store.get('long')).toBe('value');
  });

  it('keeps rate windows apart from cached entries: cache pressure never forgets a budget', async () => {
    const store = new MemorySharedStore(2 * ENTRY_BYTES);
    const now = Date.now();
    await store.observeRate('rate:x', now, { limit: 2, remaining: 1, resetAt: now + 60_000 });
    for (let i = 0; i < 50; i++) await store.set(`k${i % 10}`, value(String(i % 10)));
    expect(store.sizeBytes).toBeLessThanOrEqual(2 * ENTRY_BYTES);
    expect(await store.takeRate('rate:x', now + 1)).toEqual({ granted: true });
    expect(await store.takeRate('rate:x', now + 2)).toEqual({
      granted: false,
      waitMs: 60_000 + 25 - 2,
    });
  });

  it('clear() forgets entries and windows', async () => {
    const store = new MemorySharedStore(10_000);
    const now = Date.now();
    await store.set('k0', value('0'));
    await store.observeRate('rate:x', now, { limit: 1, remaining: 0, resetAt: now + 60_000 });
    await store.clear();
    expect(await store.get('k0')).toBeUndefined();
    expect(store.sizeBytes).toBe(0);
    // An unknown window again: the next call is a probe.
    expect(await store.takeRate('rate:x', now + 1)).toEqual({ granted: true });
  });
});
