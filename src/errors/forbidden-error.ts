import { GraphQLError } from 'graphql';
import type { Provider } from '../model/provider';
import { ErrorCode } from './error-code';

/**
 * The authenticated caller may not do this: use a provider its configuration leaves out, or send its
 * own provider credentials. `httpStatus` only for refusals before the operation runs (a resolver's
 * error must not change the status of a response that holds other fields' data).
 */
export class ForbiddenError extends GraphQLError {
  constructor(message: string, details: { provider?: Provider; httpStatus?: number } = {}) {
    super(message, {
      extensions: {
        code: ErrorCode.FORBIDDEN,
        ...(details.provider ? { provider: details.provider } : {}),
        ...(details.httpStatus ? { http: { status: details.httpStatus } } : {}),
      },
    });
  }

  /** A provider this caller may not use. */
  static provider(provider: Provider, httpStatus?: number): ForbiddenError {
    return new ForbiddenError(`Provider ${provider} is not available to this caller`, {
      provider,
      httpStatus,
    });
  }
}
