import { nameOf } from '../../../../src/providers/datadog/datadog-mapper';
import type {
  DatadogOrgConnection,
  DatadogRelationshipData,
} from '../../../../src/providers/datadog/datadog.schemas';

/** Which relationships of a row name the objects wanted: orgs (source, sink) or users (creator). */
export type RefSides = (row: DatadogOrgConnection) => Array<DatadogRelationshipData | undefined>;

export const orgSides: RefSides = (row) => [
  row.relationships.source_org?.data,
  row.relationships.sink_org?.data,
];
export const creatorSide: RefSides = (row) => [row.relationships.created_by?.data];

/**
 * Every org or user the rows name, in order of first appearance, each as its first named occurrence
 * (or its first, when no row names it): orgraph's SeenRefs over the same rows.
 */
export function bestNamedRefs(
  rows: readonly DatadogOrgConnection[],
  sides: RefSides,
): Map<string, DatadogRelationshipData> {
  const refs = new Map<string, DatadogRelationshipData>();
  for (const row of rows) {
    for (const data of sides(row)) {
      if (!data) continue;
      const known = refs.get(data.id);
      if (!known || (nameOf(known) === null && nameOf(data) !== null)) refs.set(data.id, data);
    }
  }
  return refs;
}
