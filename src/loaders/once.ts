/**
 * A value computed at most once per request: a provider's unpaged list is fetched once however many
 * fields need it. A failure is kept too, so a failing provider is asked once per request, not once per field.
 */
export function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= compute());
}
