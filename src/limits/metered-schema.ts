import {
  defaultFieldResolver,
  isNonNullType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { ResponseMeter } from './response-meter';

/** Where a request's ResponseMeter sits on its context (set by responseSizePlugin). */
export const RESPONSE_METER = Symbol('responseMeter');

type MeteredContext = { [RESPONSE_METER]?: ResponseMeter } | undefined;

/**
 * Wraps every field's resolver, in place, to count the response as it resolves. Past the meter's limit
 * nothing more resolves: a nullable field becomes null without an error and without running its
 * resolver or its children (so no further upstream call starts), and a non-null field throws the
 * meter's one shared error, which ends the list it is in. The whole answer is then replaced by one
 * RESPONSE_TOO_LARGE error (responseSizePlugin). Errors per field would cost more than the data.
 */
export function meterResponses(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const nonNull = isNonNullType(field.type);
      const cut = (meter: ResponseMeter) => {
        if (nonNull) throw meter.stop;
        return null;
      };
      field.resolve = (source, args, context: MeteredContext, info) => {
        const meter = context?.[RESPONSE_METER];
        if (!meter) return resolve(source, args, context, info);
        if (meter.exceeded) return cut(meter);
        meter.field(info.path.key);
        const result = resolve(source, args, context, info);
        if (result instanceof Promise) {
          return result.then((value: unknown) => {
            if (meter.exceeded) return cut(meter);
            meter.value(value);
            return value;
          });
        }
        meter.value(result);
        return result;
      };
    }
  }
  return schema;
}
