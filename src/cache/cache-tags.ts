import { matchSegments, segmentsBelow } from '../providers/http/route-match';

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
    const segments = segmentsBelow(url, baseUrl);
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
