/** A GraphQL POST to `url` (a request object, or a raw body), and its status and parsed answer. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  request: { query: string; variables?: Record<string, unknown> } | { raw: string },
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: 'raw' in request ? request.raw : JSON.stringify(request),
  });
  return { status: response.status, body: (await response.json()) as T };
}
