import type { HiveQuery } from '../systems/hive-gateway/hive-queries';
import type { BenchQuery } from './bench-query';

/** How one system is asked a benchmark question, and how its answer is compared with orgraph's. */
export interface QueryForm {
  document: string;
  /** Variables of one request; each page of a walk adds its `offset`. */
  variables?: Record<string, unknown>;
  /** The answer in orgraph's shape (Hive's schema is not orgraph's). */
  normalize(data: unknown, offset: number): unknown;
  /** orgraph's answer as the comparison sees it. */
  reference(data: unknown, offset: number): unknown;
}

const same = (data: unknown) => data;

/** The question in orgraph's schema, as orgraph and the reference servers answer it. */
export function graphForm(
  query: BenchQuery,
  variables: Record<string, unknown> | undefined,
): QueryForm {
  return { document: query.document, variables, normalize: same, reference: same };
}

/** The question as Hive Gateway is asked it; a walk's pages share one document. */
export function hiveForm(hive: (offset: number) => HiveQuery): QueryForm {
  const first = hive(0);
  return {
    document: first.document,
    variables: first.variables,
    normalize: (data, offset) => hive(offset).normalizeHive(data),
    reference: (data, offset) => hive(offset).normalizeOrgraph(data),
  };
}
