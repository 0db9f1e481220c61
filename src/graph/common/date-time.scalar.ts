import { GraphQLScalarType, Kind } from 'graphql';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Timestamps are passed through as the provider wrote them (Crux and Datadog send microseconds, which a
 * JavaScript Date would truncate), after checking that they are ISO 8601.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description:
    'An ISO 8601 date-time with offset, as the provider sent it (sub-second digits kept).',
  serialize(value) {
    if (typeof value === 'string' && ISO_8601.test(value)) return value;
    if (value instanceof Date) return value.toISOString();
    throw new TypeError(`DateTime cannot represent ${JSON.stringify(value)}`);
  },
  parseValue(value) {
    if (typeof value === 'string' && ISO_8601.test(value)) return value;
    throw new TypeError('DateTime must be an ISO 8601 string with an offset');
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && ISO_8601.test(ast.value)) return ast.value;
    throw new TypeError('DateTime must be an ISO 8601 string with an offset');
  },
});
