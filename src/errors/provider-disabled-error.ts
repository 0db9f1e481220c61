import { GraphQLError } from 'graphql';
import type { Provider } from '../model/provider';
import { ErrorCode } from './error-code';

export class ProviderDisabledError extends GraphQLError {
  constructor(provider: Provider) {
    super(`Provider ${provider} is not configured on this server`, {
      extensions: { code: ErrorCode.PROVIDER_DISABLED, provider },
    });
  }
}
