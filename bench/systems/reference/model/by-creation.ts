import type { DatadogOrgConnection } from '../../../../src/providers/datadog/datadog.schemas';

/**
 * orgraph's order for a Datadog org's connections (DatadogSource's byCreation): oldest first, then by
 * the timestamp's text (microseconds), then by id. Sorted as rows, before any is mapped.
 */
export function byCreation(rows: readonly DatadogOrgConnection[]): DatadogOrgConnection[] {
  const created = (row: DatadogOrgConnection) => row.attributes.created_at ?? '';
  const time = (row: DatadogOrgConnection) => Date.parse(created(row)) || 0;
  return [...rows].sort(
    (a, b) => time(a) - time(b) || created(a).localeCompare(created(b)) || a.id.localeCompare(b.id),
  );
}
