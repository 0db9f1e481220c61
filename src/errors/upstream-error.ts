import { GraphQLError } from 'graphql';
import type { Provider } from '../model/provider';
import { ErrorCode } from './error-code';

export interface UpstreamErrorDetails {
  provider: Provider;
  code: ErrorCode;
  /** The provider's HTTP status, when it answered. */
  status?: number;
  /** Seconds the provider asked us to wait (rate limits). */
  retryAfterSeconds?: number;
  /** The provider's own explanation of a refused request (400, 409, 422), sanitized. */
  providerMessage?: string;
}

/**
 * A provider failed. The message and extensions name the provider and what happened, never the request's
 * URL, headers or the provider's raw body: those can carry credentials or data the caller may not see
 * (a refusal's `providerMessage` is the provider's message only, sanitized).
 */
export class UpstreamError extends GraphQLError {
  readonly provider: Provider;

  constructor(message: string, details: UpstreamErrorDetails) {
    super(message, {
      extensions: {
        code: details.code,
        provider: details.provider,
        ...(details.status !== undefined ? { upstreamStatus: details.status } : {}),
        ...(details.retryAfterSeconds !== undefined
          ? { retryAfterSeconds: details.retryAfterSeconds }
          : {}),
        ...(details.providerMessage !== undefined
          ? { providerMessage: details.providerMessage }
          : {}),
      },
    });
    this.provider = details.provider;
  }
}
