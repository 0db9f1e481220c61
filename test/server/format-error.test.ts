import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { createFormatError } from '../../src/server/format-error';

function fakeLogger() {
  const errors: unknown[] = [];
  return {
    logger: { error: (...args: unknown[]) => errors.push(args) } as unknown as Logger,
    errors,
  };
}

describe('formatError', () => {
  it('hides an unexpected error behind a generic message and logs it', () => {
    const { logger, errors } = fakeLogger();
    const bug = new TypeError("Cannot read properties of undefined (reading 'secret-ish detail')");
    const formatted: GraphQLFormattedError = {
      message: bug.message,
      path: ['organizations'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x (file.ts:1:1)'] },
    };
    const result = createFormatError(logger)(
      formatted,
      new GraphQLError(bug.message, { originalError: bug, path: ['organizations'] }),
    );
    expect(result).toEqual({
      message: 'Internal server error',
      locations: undefined,
      path: ['organizations'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(errors).toHaveLength(1);
  });

  it('keeps errors orgraph raises on purpose as they are', () => {
    const { logger, errors } = fakeLogger();
    const formatted: GraphQLFormattedError = {
      message: 'Datadog is unavailable (503)',
      extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'DATADOG' },
    };
    const original = new GraphQLError(formatted.message, { extensions: formatted.extensions });
    expect(createFormatError(logger)(formatted, original)).toBe(formatted);
    expect(errors).toHaveLength(0);
  });
});
