/** Redirects followed per call: enough for a moved path, not for a loop. */
export const MAX_REDIRECTS = 3;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Headers that describe a request body, dropped with the body when a redirect turns it into a GET. */
const BODY_HEADERS = [
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
  'content-length',
];

/**
 * A redirect orgraph did not follow: to another origin (where the provider's credentials must never
 * go), or one too many. The message names neither URL: a Location can carry anything.
 */
export class RedirectRefused extends Error {
  constructor(
    readonly reason: 'other-origin' | 'too-many',
    readonly status: number,
  ) {
    super(reason === 'other-origin' ? 'redirect to another origin' : 'too many redirects');
    this.name = 'RedirectRefused';
  }
}

export interface RedirectedRequest {
  url: string;
  init: RequestInit | undefined;
}

/** True for a redirect status with a Location to go to; fetch returns any other 3xx as it is. */
export function isRedirect(response: Response): boolean {
  return REDIRECT_STATUSES.has(response.status) && response.headers.has('location');
}

/**
 * The request a redirect (see isRedirect) asks for, as fetch would send it: 307 and 308 keep the method
 * and body, 301 and 302 turn a POST into a GET and 303 anything but HEAD, without the body. Only on the
 * same origin (scheme, host and port); anything else throws RedirectRefused before a byte is sent.
 */
export function redirectedRequest(
  response: Response,
  url: string,
  init: RequestInit | undefined,
): RedirectedRequest {
  let target: URL;
  try {
    target = new URL(response.headers.get('location')!, url);
  } catch {
    throw new RedirectRefused('other-origin', response.status); // no origin at all
  }
  if (target.origin !== new URL(url).origin) {
    throw new RedirectRefused('other-origin', response.status);
  }
  const method = (init?.method ?? 'GET').toUpperCase();
  const toGet =
    ((response.status === 301 || response.status === 302) && method === 'POST') ||
    (response.status === 303 && method !== 'GET' && method !== 'HEAD');
  if (!toGet) return { url: target.toString(), init };
  const kept = new Headers(init?.headers);
  for (const name of BODY_HEADERS) kept.delete(name);
  const headers: Record<string, string> = {};
  kept.forEach((value, name) => (headers[name] = value));
  return { url: target.toString(), init: { ...init, method: 'GET', body: undefined, headers } };
}
