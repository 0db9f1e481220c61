/** A provider answered 404: the object does not exist (a null in the graph, not an error). */
export class NotFoundError extends Error {}

/** How the provider clients make their calls (the floor passes a counting one). */
export type GetJson = (url: string, headers: Record<string, string>) => Promise<unknown>;

/** One GET whose body is JSON: the whole body read and parsed, a non-2xx answer an error. */
export async function getJson(url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json', ...headers } });
  const text = await response.text();
  if (response.status === 404) throw new NotFoundError(`GET ${url}: 404`);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as unknown;
}

/** The value, or null when the provider said 404. */
export async function orNullOn404<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
