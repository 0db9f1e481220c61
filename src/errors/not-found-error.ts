import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-code';

export class NotFoundError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.NOT_FOUND } });
  }
}
