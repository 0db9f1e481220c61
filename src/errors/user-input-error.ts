import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-code';

/** A bad argument: malformed ID, paging out of range, contradictory filters. */
export class UserInputError extends GraphQLError {
  constructor(message: string, argumentName?: string) {
    super(message, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argumentName ? { argumentName } : {}) },
    });
  }
}
