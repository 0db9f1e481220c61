import type { EmulatorResponse } from '../emulator-server';
import { queryError } from './auth0-dialect';
import { Auth0RequestError, booleanParam, DESCRIPTIONS, integerParam } from './auth0-query';

export interface OffsetParams {
  page: number;
  perPage: number;
  includeTotals: boolean;
}

export interface CheckpointParams {
  /** The decoded `from` cursor's record id, or undefined on the first page. */
  fromId: string | undefined;
  take: number;
}

export function offsetParams(query: URLSearchParams): OffsetParams {
  return {
    page: integerParam(query, 'page', { min: 0, fallback: 0 }),
    perPage: integerParam(query, 'per_page', { min: 1, max: 100, fallback: 50 }),
    includeTotals: booleanParam(query, 'include_totals') ?? false,
  };
}

/** Checkpoint paging applies when `from` or `take` is given; it then wins over offset parameters. */
export function checkpointParams(query: URLSearchParams): CheckpointParams | null {
  if (!query.has('from') && !query.has('take')) return null;
  const take = integerParam(query, 'take', { min: 1, max: 100, fallback: 50 });
  const from = query.get('from');
  return { fromId: from ? decodeCursor(from) : undefined, take };
}

/**
 * An offset page: a bare array by default, `{<key>, start, limit, total}` with include_totals.
 * `limit` is per_page except where a recording showed otherwise (see `limitIsItemCount`).
 */
export function offsetPage<T>(
  items: readonly T[],
  key: string,
  params: OffsetParams,
  options: { limitIsItemCount?: boolean; maxReachable?: number } = {},
): EmulatorResponse {
  const start = params.page * params.perPage;
  const reachable = Math.min(items.length, options.maxReachable ?? Infinity);
  const page =
    start < reachable ? items.slice(start, Math.min(start + params.perPage, reachable)) : [];
  if (!params.includeTotals) return ok(page);
  const limit = options.limitIsItemCount ? page.length : params.perPage;
  return ok({ [key]: page, start, limit, total: items.length });
}

/** Where a checkpoint page starts: after the record the cursor names. */
export function checkpointStart<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  fromId?: string,
): number {
  if (fromId === undefined) return 0;
  const index = items.findIndex((item) => idOf(item) === fromId);
  if (index < 0) throw new Auth0RequestError(invalidCursor());
  return index + 1;
}

/**
 * Auth0's cursors are unpadded base64 of `<created_at>UTC,<id>` for the page's last record
 * (`2023-03-14 11:17:19.466000UTC,org_Wz2uMwAVQmfRb03I` in the recordings). Clients treat them as opaque.
 */
export function encodeCursor(createdAtIso: string, id: string): string {
  const timestamp = createdAtIso.replace('T', ' ').replace(/Z$/, '000UTC');
  return Buffer.from(`${timestamp},${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const comma = decoded.indexOf(',');
  if (!/^[A-Za-z0-9_-]+$/.test(cursor) || comma < 0 || !decoded.slice(0, comma).endsWith('UTC')) {
    throw new Auth0RequestError(invalidCursor());
  }
  return decoded.slice(comma + 1);
}

function invalidCursor(): EmulatorResponse {
  // No recording shows a bad cursor; the wording follows Auth0's other query validation errors.
  return queryError('Invalid checkpoint', 'from', DESCRIPTIONS.from);
}

export function ok(body: unknown): EmulatorResponse {
  return { status: 200, body };
}
