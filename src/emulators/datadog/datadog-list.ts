import type { EmulatorRequest, EmulatorResponse } from '../emulator-server';
import type { DatadogOrgConnection, DatadogOrgConnectionListResponse } from './datadog-data';
import { datadogError, datadogOk } from './datadog-dialect';

export const DEFAULT_LIMIT = 1000;
/** The spec documents no bounds; the default is also the most one page returns. */
export const MAX_LIMIT = 1000;

/** `GET /api/v2/org_connections`: offset paging over the connections, filtered by source and/or sink. */
export function listOrgConnections(
  connections: readonly DatadogOrgConnection[],
  request: EmulatorRequest,
): EmulatorResponse {
  const limit = integerParam(request.query, 'limit', DEFAULT_LIMIT);
  if (limit === null || limit < 1 || limit > MAX_LIMIT) {
    return datadogError(400, `limit must be an integer between 1 and ${MAX_LIMIT}`);
  }
  const offset = integerParam(request.query, 'offset', 0);
  if (offset === null || offset < 0) {
    return datadogError(400, 'offset must be a non-negative integer');
  }

  // Empty values filter nothing, as an unset client option serializes to nothing.
  const sourceId = request.query.get('source_org_id') || undefined;
  const sinkId = request.query.get('sink_org_id') || undefined;
  const filtered = connections.filter(
    (c) =>
      (sourceId === undefined || c.relationships.source_org?.data.id === sourceId) &&
      (sinkId === undefined || c.relationships.sink_org?.data.id === sinkId),
  );

  const body: DatadogOrgConnectionListResponse = {
    // A copy: a latency knob delays serialization, and a write in between must not change this page.
    data: structuredClone(filtered.slice(offset, offset + limit)),
    meta: { page: { total_count: connections.length, total_filtered_count: filtered.length } },
  };
  return datadogOk(body);
}

/** The parameter as a safe integer, its default when absent, or null when it is not an integer. */
function integerParam(query: URLSearchParams, name: string, fallback: number): number | null {
  const raw = query.get(name);
  if (raw === null) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) return null;
  const value = Number(raw.trim());
  return Number.isSafeInteger(value) ? value : null;
}
