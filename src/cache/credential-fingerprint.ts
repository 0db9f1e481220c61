import { createHmac, randomBytes } from 'node:crypto';

/**
 * Names a credential without revealing it: HMAC-SHA256 under a server secret, truncated to 128 bits.
 * Keys of cache entries and rate budgets carry this, never the credential. Replicas that share a
 * store must share the secret (ORGRAPH_CACHE_SECRET); a process without one makes its own, which is
 * right for a single process and its in-memory store.
 */
export class CredentialFingerprint {
  private readonly secret: Buffer;

  constructor(secret?: string) {
    this.secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  of(...parts: string[]): string {
    const hmac = createHmac('sha256', this.secret);
    for (const part of parts) hmac.update(part).update('\u0000');
    return hmac.digest('base64url').slice(0, 22);
  }
}
