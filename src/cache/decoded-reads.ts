import { LRUCache } from 'lru-cache';
import { decodeCachedRead, type CachedRead } from './cached-read';
import { deepFreeze } from './deep-freeze';

/** The text of the entries kept decoded, at most: the few large listings most hits are for. */
const DEFAULT_MAX_CHARS = 16 * 1024 * 1024;

/**
 * Cache entries as this process last decoded them, beside the store's text: a hit whose text is the
 * one last decoded for its key gets the same objects again, not a parse of megabytes of JSON for
 * every request that reads a large listing, nor a copy of it per request in flight. Every reader
 * gets the same objects, so they are frozen: code that wrote into a provider's body would fail
 * loudly rather than change what another request reads.
 */
export class DecodedReads {
  private readonly entries: LRUCache<string, { text: string; read: CachedRead<unknown> }>;

  constructor(maxChars = DEFAULT_MAX_CHARS) {
    this.entries = new LRUCache({ maxSize: maxChars, sizeCalculation: (e) => e.text.length || 1 });
  }

  /** The entry `text` holds (undefined for none, or for one that is not an entry). */
  decode<T>(key: string, text: string | undefined): CachedRead<T> | undefined {
    if (text === undefined) return undefined;
    const known = this.entries.get(key);
    if (known?.text === text) return known.read as CachedRead<T>;
    const read = decodeCachedRead<T>(text);
    if (read)
      this.entries.set(key, { text, read: { readAt: read.readAt, value: deepFreeze(read.value) } });
    return read;
  }
}
