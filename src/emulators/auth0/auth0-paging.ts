import type { EmulatorResponse } from '../emulator-server';
import { auth0Error, queryError } from './auth0-dialect';
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

/**
 * How far offset paging reaches on the lists Auth0 documents it for (organizations, organization members):
 * "Checkpoint pagination must be used if you need to retrieve more than 1000".
 */
export const OFFSET_REACH = 1000;

/**
 * Offset parameters, validated. With `reach`, a page that would end past that many records is refused
 * with a 400, however many records there are: Auth0 refuses when page × per_page + per_page > 1000
 * (its support article on this error), so per_page=100 reaches page 9 and page 10 is an error.
 */
export function offsetParams(
  query: URLSearchParams,
  options: { reach?: number } = {},
): OffsetParams {
  const params = {
    page: integerParam(query, 'page', { min: 0, fallback: 0 }),
    perPage: integerParam(query, 'per_page', { min: 1, max: 100, fallback: 50 }),
    includeTotals: booleanParam(query, 'include_totals') ?? false,
  };
  const { reach } = options;
  if (reach !== undefined && (params.page + 1) * params.perPage > reach) {
    // Auth0's wording as reported for organizations, members and users; no errorCode was reported.
    throw new Auth0RequestError(
      auth0Error(
        400,
        `Requesting page ${params.page} exceeds the allowed maximum of ${reach} records. ` +
          `To fetch results beyond ${reach}, use the checkpoint pagination method.`,
      ),
    );
  }
  return params;
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
  options: { limitIsItemCount?: boolean } = {},
): EmulatorResponse {
  const start = params.page * params.perPage;
  const page = items.slice(start, start + params.perPage);
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
