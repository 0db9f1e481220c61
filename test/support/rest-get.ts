/** A plain GET to an emulator, for reading the expected values straight from the provider's REST API. */
export async function restGet(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, { headers });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}
