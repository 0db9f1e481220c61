import cors from 'cors';
import type { RequestHandler } from 'express';
import { API_KEY_HEADER } from '../callers/caller-authenticator';
import type { CorsConfig } from '../config/config.type';
import { CALLER_CREDENTIAL_HEADERS } from '../providers/caller-credentials';

/**
 * CORS for browser apps on other origins: preflights answered, and the headers a caller may send
 * allowed (its API key or bearer token, its own provider credentials, tracing and cache control).
 * Credentials travel in headers, never in cookies, so `Access-Control-Allow-Credentials` stays off.
 */
export function corsMiddleware(config: CorsConfig): RequestHandler {
  return cors({
    origin: config.origins === '*' ? '*' : config.origins,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'content-type',
      'authorization',
      API_KEY_HEADER,
      ...Object.values(CALLER_CREDENTIAL_HEADERS),
      'cache-control',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'x-request-id',
      'traceparent',
      'tracestate',
    ],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });
}
