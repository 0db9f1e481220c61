import { randomBytes } from 'node:crypto';

/**
 * Bearer tokens of one machine-to-machine client of a tenant: one static demo token that never expires,
 * plus tokens issued by `POST /oauth/token` until their ttl runs out or they are revoked. Every one of
 * them carries the client's `scopes`. The clock is injectable so tests can expire a token without
 * sleeping.
 */
export class Auth0TokenStore {
  private readonly issued = new Map<string, number>();

  constructor(
    private readonly staticToken: string,
    readonly scopes: readonly string[],
    readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Random from crypto, not the seed: issued tokens must not be guessable or repeat across runs. */
  issue(): { token: string; expiresIn: number } {
    const token = randomBytes(32).toString('base64url');
    this.issued.set(token, this.now() + this.ttlSeconds * 1000);
    return { token, expiresIn: this.ttlSeconds };
  }

  /**
   * Every token issued so far stops working, as when a tenant rotates its signing keys; tokens issued
   * later work. The static token is configuration, not a grant, and stays valid.
   */
  revokeIssued(): void {
    this.issued.clear();
  }

  isValid(token: string): boolean {
    if (token === this.staticToken) return true;
    const expiresAt = this.issued.get(token);
    if (expiresAt === undefined) return false;
    if (this.now() < expiresAt) return true;
    this.issued.delete(token);
    return false;
  }
}
