/**
 * The tags of a provider call, from its method and URL (relative to the client's `baseUrl`): for a
 * GET, the tags its cached read depends on; for a write, the tags it changes. A write bumps the
 * generation of each tag it changes, and every cached read of those tags misses from then on, for
 * every credential (after Apollo Router's `@cacheTag`). A call with no tags is cached as before and
 * retired by no write.
 */
export type CacheTagsOf = (method: string, url: string, baseUrl: string) => string[];

/** One route's tags: `route` as the providers' route templates write it (`GET organizations/:id`),
 * with `|` between methods that share the tags (`POST|DELETE organizations/:id/members`). */
export interface TaggedRoute {
  route: string;
  /** The tags, from the route's `:name` segments (decoded). */
  tags: (params: Readonly<Record<string, string>>) => string[];
}

interface CompiledRoute {
  methods: ReadonlySet<string>;
  segments: string[];
  tags: TaggedRoute['tags'];
}

/** A CacheTagsOf from routes: the first route that matches gives the tags; none matching, none. */
export function cacheTagsByRoute(routes: readonly TaggedRoute[]): CacheTagsOf {
  const compiled: CompiledRoute[] = routes.map(({ route, tags }) => {
    const [methods, path] = route.split(' ') as [string, string];
    return { methods: new Set(methods.split('|')), segments: path.split('/'), tags };
  });
  return (method, url, baseUrl) => {
    const segments = relativeSegments(url, baseUrl);
    if (!segments) return [];
    const upper = method.toUpperCase();
    for (const route of compiled) {
      if (!route.methods.has(upper)) continue;
      const params = matchSegments(route.segments, segments);
      if (params) return route.tags(params);
    }
    return [];
  };
}

/**
 * The path of `url` below `baseUrl`'s, as segments; undefined when it is not below it, or at another
 * origin. A relative `url` is taken relative to `baseUrl`, as the clients send their paths.
 */
function relativeSegments(url: string, baseUrl: string): string[] | undefined {
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

/** `:name` takes any one non-empty segment, as in RouteTemplates. */
function matchSegments(
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
