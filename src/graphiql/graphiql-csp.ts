/**
 * Content-Security-Policy for the GraphiQL page and its assets: everything from orgraph itself.
 * - no inline or eval'd script: the page's settings travel in a JSON data block;
 * - style-src 'unsafe-inline': Monaco writes its theme and layout rules into <style> elements at
 *   run time and has no nonce support; styles cannot run code;
 * - data: fonts and images: GraphiQL's stylesheet inlines its fonts, and the page's empty favicon;
 * - worker-src 'self': Monaco's workers are bundles served next to the page (no blob: workers).
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
