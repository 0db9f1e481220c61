/** The longest provider message passed on, in characters. */
export const MAX_PROVIDER_MESSAGE_LENGTH = 300;

/** A URL with a scheme, or a bare `www.` host: either could point a reader anywhere. */
const URLS = /\b[a-z][a-z0-9+.-]*:\/\/\S*|\bwww\.\S+/gi;
/** C0 and C1 controls, and the invisible marks that reorder or hide text (bidi, zero-width, BOM). */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * A provider's own message about a refused request, fit to pass on to the caller: no URLs (they could
 * lead anywhere, or carry a token), no control characters (they could forge log lines or hide text),
 * whitespace collapsed, at most MAX_PROVIDER_MESSAGE_LENGTH characters. Undefined when nothing is left.
 */
export function sanitizeProviderMessage(message: string): string | undefined {
  const clean = message
    .replace(URLS, '[link removed]')
    .replace(CONTROLS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean === '') return undefined;
  if (clean.length <= MAX_PROVIDER_MESSAGE_LENGTH) return clean;
  // Cut on a code point, not inside a surrogate pair.
  const kept = Array.from(clean.slice(0, MAX_PROVIDER_MESSAGE_LENGTH)).slice(0, -1);
  return `${kept.join('').trimEnd()}…`;
}

/** A JSON error body, parsed; undefined when it is not JSON. Error bodies arrive as text. */
export function parsedErrorBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
