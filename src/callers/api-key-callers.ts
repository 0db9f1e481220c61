import { timingSafeEqual } from 'node:crypto';
import type { ApiKeyCallerConfig } from '../config/callers-config.type';
import { hashApiKey } from './api-key-hash';
import type { Caller } from './caller.type';

/** The callers known by API key. Only the keys' hashes are held. */
export class ApiKeyCallers {
  private readonly entries: ReadonlyArray<{ digest: Buffer; caller: Caller }>;

  constructor(configs: readonly ApiKeyCallerConfig[]) {
    this.entries = configs.map(({ sha256, ...policy }) => ({
      digest: Buffer.from(sha256, 'hex'),
      caller: { ...policy, method: 'api-key' },
    }));
  }

  /** The caller holding `key`, if any. Every entry is compared, in constant time. */
  find(key: string): Caller | undefined {
    const presented = Buffer.from(hashApiKey(key), 'hex');
    let found: Caller | undefined;
    for (const entry of this.entries) {
      // No early exit: how long the search takes says nothing about which entry matched.
      if (timingSafeEqual(presented, entry.digest) && !found) found = entry.caller;
    }
    return found;
  }
}
