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
    let base: string;
    let path: string;
    try {
      base = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).pathname;
      path = new URL(url).pathname;
    } catch {
      return OTHER_ROUTE;
    }
    if (!path.startsWith(base)) return OTHER_ROUTE;
    const segments = path.slice(base.length).split('/');
    const upper = method.toUpperCase();
    const route = this.routes.find(
      (r) =>
        r.method === upper &&
        r.segments.length === segments.length &&
        // `:name` takes any one non-empty segment; an id (percent-encoded) never holds a slash.
        r.segments.every((s, i) => (s.startsWith(':') ? segments[i] !== '' : s === segments[i])),
    );
    return route?.label ?? OTHER_ROUTE;
  }
}
