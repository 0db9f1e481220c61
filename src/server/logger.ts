import pino, { type Logger } from 'pino';
import { currentCorrelation } from '../correlation/request-correlation';

/** Paths that may hold credentials; pino replaces them before anything is written. */
const REDACTED = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["x-crux-token"]',
  'req.headers["x-auth0-token"]',
  'req.headers["x-datadog-api-key"]',
  'req.headers["x-datadog-application-key"]',
  '*.token',
  '*.apiKey',
  '*.appKey',
  '*.clientSecret',
];

/**
 * orgraph's logger. A line logged while a request runs carries the request's id (`requestId`), even
 * from code that holds the server's logger rather than the request's child of it.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name: 'orgraph',
    level,
    redact: { paths: REDACTED, censor: '[redacted]' },
    mixin: (_fields, _level, logger) => {
      const requestId = currentCorrelation()?.requestId;
      // A request's own logger (see createContextFactory) binds it already.
      return requestId === undefined || 'requestId' in logger.bindings() ? {} : { requestId };
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
