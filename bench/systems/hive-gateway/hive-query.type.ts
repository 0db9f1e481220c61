/**
 * A question both Hive Gateway and orgraph answer, and how to bring their answers to one shape. The
 * normalizers return orgraph's JSON for the question, so a deep equality says "same data".
 */
export interface HiveQuery {
  /** A bench query's base name (bench/queries/<name>.graphql), or `<name>-<part>` for a part of one. */
  name: string;
  /** What Hive Gateway is sent. */
  document: string;
  /** Sent to both systems. */
  variables?: Record<string, unknown>;
  /** What orgraph is sent for a part; absent: the whole bench query of that name. */
  orgraphDocument?: string;
  normalizeHive(data: unknown): unknown;
  normalizeOrgraph(data: unknown): unknown;
}
