/**
 * Auth0's own message in a Management API error body, `{statusCode, error, message, errorCode?}`:
 * its `message` (e.g. "Payload validation error: ..."), else the `error` title. Raw: the caller
 * sanitizes it.
 */
export function auth0ErrorMessage(body: unknown): string | undefined {
  const { message, error } = (body ?? {}) as { message?: unknown; error?: unknown };
  if (typeof message === 'string' && message.trim() !== '') return message;
  return typeof error === 'string' && error.trim() !== '' ? error : undefined;
}
