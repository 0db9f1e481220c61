/**
 * Datadog's own message in an error body: `{"errors": ["..."]}` (APIErrorResponse in its OpenAPI
 * spec; the recordings carry one string). Some Datadog APIs send JSON:API error objects instead, whose
 * `detail` or `title` is the message. Several errors are joined. Raw: the caller sanitizes it.
 */
export function datadogErrorMessage(body: unknown): string | undefined {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return undefined;
  const messages = errors
    .map((error: unknown) => {
      if (typeof error === 'string') return error;
      const { detail, title } = (error ?? {}) as { detail?: unknown; title?: unknown };
      return typeof detail === 'string' ? detail : typeof title === 'string' ? title : undefined;
    })
    .filter((message): message is string => message !== undefined && message.trim() !== '');
  return messages.length > 0 ? messages.join('; ') : undefined;
}
