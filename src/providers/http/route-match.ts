/**
 * Matching a call's URL against a provider's route templates (`organizations/:id/members`, relative to
 * the client's base URL): shared by the labels of calls (RouteTemplates) and the cache's tags.
 */

/**
 * The path of `url` below `baseUrl`'s, as segments; undefined when it is not below it, or at another
 * origin. A relative `url` is taken relative to `baseUrl`, as the clients send their paths.
 */
export function segmentsBelow(url: string, baseUrl: string): string[] | undefined {
  try {
    const base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    const target = new URL(url, base);
    const path = target.pathname;
    if (target.origin !== base.origin || !path.startsWith(base.pathname)) return undefined;
    return path.slice(base.pathname.length).split('/');
  } catch {
    return undefined;
  }
}

/**
 * The `:name` segments' values (decoded) when `segments` match the route's, else undefined. `:name`
 * takes any one non-empty segment: an id, percent-encoded, never holds a slash.
 */
export function matchSegments(
  route: readonly string[],
  segments: readonly string[],
): Record<string, string> | undefined {
  if (route.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of route.entries()) {
    const segment = segments[i];
    if (part.startsWith(':')) {
      if (segment === '') return undefined;
      params[part.slice(1)] = safeDecode(segment);
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
