import { matchSegments, segmentsBelow } from './route-match';

/** What a call is labelled with when its path matches none of its provider's routes. */
export const OTHER_ROUTE = 'other';

/**
 * A provider's routes as templates (`GET organizations/:id/members`, relative to the client's base
 * URL), to name a call without the ids in its path: metrics and logs get `GET
 * /api/v2/organizations/:id/members`, never the organization's id. A path that matches none is `other`,
 * so the names stay as few as the routes.
 */
export class RouteTemplates {
  private readonly routes: Array<{ method: string; segments: string[]; label: string }>;

  /**
   * `documentedBase`: the path the provider documents its routes under (Auth0's `/api/v2/`), which the
   * labels start with whatever base URL is configured.
   */
  constructor(documentedBase: string, routes: readonly string[]) {
    this.routes = routes.map((route) => {
      const [method, path] = route.split(' ') as [string, string];
      return { method, segments: path.split('/'), label: `${method} ${documentedBase}${path}` };
    });
  }

  /** The template `url` matches, relative to `baseUrl`; `other` when none does. */
  of(method: string, url: string, baseUrl: string): string {
    // Calls leave with absolute URLs: anything else is not a call of this provider.
    const segments = URL.canParse(url) ? segmentsBelow(url, baseUrl) : undefined;
    if (!segments) return OTHER_ROUTE;
    const upper = method.toUpperCase();
    const route = this.routes.find(
      (r) => r.method === upper && matchSegments(r.segments, segments) !== undefined,
    );
    return route?.label ?? OTHER_ROUTE;
  }
}
