import pino, { type Logger } from 'pino';

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

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { name: 'orgraph', level, redact: { paths: REDACTED, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
