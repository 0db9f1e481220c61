import type { BenchQuery } from './bench-query';
import type { QueryForm } from './query-form';

export interface GraphQLAnswer {
  data?: unknown;
  errors?: Array<{ message?: string; extensions?: { code?: string } }>;
}

/** The page size of the walk queries: their `limit`. */
export const WALK_PAGE_SIZE = 500;

export async function postGraphQL(
  url: string,
  document: string,
  variables?: Record<string, unknown>,
  timeoutMs = 120_000,
): Promise<GraphQLAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: document, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLAnswer;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] };
  }
}

/** The request bodies one measured request sends: one, or every page of a walk. */
export function requestBodies(query: BenchQuery, form: QueryForm, pages: number): string[] {
  if (!query.walk) return [JSON.stringify({ query: form.document, variables: form.variables })];
  return Array.from({ length: pages }, (_, page) =>
    JSON.stringify({
      query: form.document,
      variables: { ...form.variables, offset: page * WALK_PAGE_SIZE },
    }),
  );
}

/**
 * One measured request: the query, or its whole walk (pages until `hasNextPage` is false). The data
 * is normalized by the form (Hive's answers to orgraph's shape); a walk's is the list of its pages'.
 */
export async function runBenchQuery(
  url: string,
  query: BenchQuery,
  form: QueryForm,
  timeoutMs?: number,
): Promise<GraphQLAnswer & { requests: number }> {
  if (!query.walk) {
    const answer = await postGraphQL(url, form.document, form.variables, timeoutMs);
    return { ...answer, data: normalized(form, answer, 0), requests: 1 };
  }
  const pages: unknown[] = [];
  const errors: NonNullable<GraphQLAnswer['errors']> = [];
  for (let offset = 0; ; offset += WALK_PAGE_SIZE) {
    const answer = await postGraphQL(url, form.document, { ...form.variables, offset }, timeoutMs);
    const data = normalized(form, answer, offset);
    pages.push(data);
    errors.push(...(answer.errors ?? []));
    if (!hasNextPage(data) || pages.length > 1000) break;
  }
  return { data: pages, errors: errors.length ? errors : undefined, requests: pages.length };
}

/** An answer with errors is kept as sent: a normalizer expects a whole answer. */
function normalized(form: QueryForm, answer: GraphQLAnswer, offset: number): unknown {
  return answer.data && !answer.errors?.length ? form.normalize(answer.data, offset) : answer.data;
}

/** orgraph's answer as a form compares it: per page for a walk. */
export function referenceData(query: BenchQuery, form: QueryForm, data: unknown): unknown {
  if (!query.walk) return form.reference(data, 0);
  return (data as unknown[]).map((page, index) => form.reference(page, index * WALK_PAGE_SIZE));
}

/** The walk's list is the query's one root field; it says whether another page follows. */
function hasNextPage(data: unknown): boolean {
  if (!data || typeof data !== 'object') return false;
  const root = Object.values(data)[0] as { hasNextPage?: unknown } | null | undefined;
  return root?.hasNextPage === true;
}
