import type { Logger } from 'pino';
import type { Caller } from '../callers/caller.type';
import type { Provider } from '../model/provider';

/** What became of a write: done, refused by the provider (a user error), or failed. */
export type WriteOutcome = 'ok' | `rejected:${string}` | `failed:${string}`;

export interface AuditEntry {
  /** The mutation, e.g. `createOrgDataSharingConnection`. */
  operation: string;
  provider: Provider;
  /** What it wrote to, by the provider's own ids (an org, a connection), never a credential. */
  target: string;
  outcome: WriteOutcome;
}

/**
 * One audit line per write, at info level under `audit`: who (the caller's configured id, or
 * "anonymous" with caller authentication off), what, where and how it ended. The request's logger
 * carries its request id; nothing here holds a credential.
 */
export function auditWrite(logger: Logger, caller: Caller | undefined, entry: AuditEntry): void {
  logger.info(
    { audit: { caller: caller ? `${caller.method}:${caller.id}` : 'anonymous', ...entry } },
    'write',
  );
}
