import type { Provider } from '../model/provider';

/**
 * A caller that proved who it is, with what its configuration lets it do. On the context as
 * `caller`; undefined there when caller authentication is off (then anyone may do anything).
 */
export interface Caller {
  /** From configuration (API keys) or the token's `sub` (JWTs): never a credential or its hash. */
  readonly id: string;
  readonly method: 'api-key' | 'jwt';
  /** The providers it may use; the others are hidden from it (see SourceRegistry). */
  readonly providers: readonly Provider[];
  /** May it send its own provider credentials (x-crux-token, ...)? */
  readonly ownCredentials: boolean;
  /** May it get federated traces (ftv1)? */
  readonly traces: boolean;
  /** May it run mutations (when writes are on: see src/writes/)? */
  readonly writes: boolean;
}
