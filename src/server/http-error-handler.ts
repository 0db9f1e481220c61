import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * Errors before GraphQL runs (a body that is not JSON, one too large) answer in GraphQL's error shape
 * instead of Express's default HTML page, which carries a stack trace outside production.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  // Express tells an error handler by its four parameters: `_next` stays.
  return (error: { status?: number; type?: string; message?: string }, _req, res, _next) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const message =
      error.type === 'entity.parse.failed'
        ? 'The request body is not valid JSON'
        : error.type === 'entity.too.large'
          ? 'The request body is too large'
          : status < 500
            ? (error.message ?? 'Bad request')
            : 'Internal server error';
    if (status >= 500) logger.error({ err: error }, 'unexpected HTTP error');
    res.status(status).json({
      errors: [
        { message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } },
      ],
    });
  };
}
