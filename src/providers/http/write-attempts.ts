import { GraphQLError } from 'graphql';

/**
 * The key a write's request options carry its WriteAttempts under. RESTDataSource hands its request
 * options to the fetcher as they are (a copy of the object, with its symbol keys), so the retrying
 * fetch sees it on the `init` of every attempt, and redirects and token renewals keep it.
 */
export const WRITE_ATTEMPTS = Symbol('orgraph.writeAttempts');

/** Why a sent attempt got no answer. */
export type LostAnswer = 'timeout' | 'connection';

/**
 * Connection errors raised before a byte of the request could leave: the provider cannot have acted.
 * (undici's codes, on the `cause` of fetch's TypeError.)
 */
const NOT_DELIVERED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * One write's say on retries, and what its attempts came to: the retrying fetch sends a write that is
 * not `retriable` (a POST: the provider may act on each copy) once only, and records here whether an
 * attempt left and whether the last one that left got an answer. A write whose last attempt left and
 * got none may or may not have happened.
 */
export class WriteAttempts {
  /** Attempts that went out to the provider. */
  sent = 0;
  /** Set when the latest attempt that went out got no answer; cleared by an answer. */
  lost: LostAnswer | undefined;

  constructor(readonly retriable: boolean) {}

  /** An attempt is leaving for the provider. */
  leaving(): void {
    this.sent += 1;
  }

  /** An attempt that left failed without an answer: `error` tells whether it may have arrived. */
  failed(error: unknown): void {
    if (NOT_DELIVERED.has(causeCode(error) ?? '')) return;
    this.lost = isTimeout(error) ? 'timeout' : 'connection';
  }

  /** An attempt got an answer (any status): the provider said what it did. */
  answered(): void {
    this.lost = undefined;
  }
}

/** The WriteAttempts a request's options carry, if it is a write that carries one. */
export function writeAttemptsOf(init: unknown): WriteAttempts | undefined {
  const attempts = (init as { [WRITE_ATTEMPTS]?: unknown } | undefined)?.[WRITE_ATTEMPTS];
  return attempts instanceof WriteAttempts ? attempts : undefined;
}

/** `request` with `attempts` attached under WRITE_ATTEMPTS. */
export function withWriteAttempts<T extends object>(request: T, attempts: WriteAttempts): T {
  return Object.assign(request, { [WRITE_ATTEMPTS]: attempts });
}

/**
 * An attempt's time ran out: fetch's TimeoutError (a DOMException, which some realms don't count as
 * an Error), or the request's deadline, which the upstream gate raises as a GraphQLError.
 */
function isTimeout(error: unknown): boolean {
  return (
    error instanceof GraphQLError || (error as { name?: unknown } | null)?.name === 'TimeoutError'
  );
}

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}
