import { createParameterDecorator, type ParameterDecorator } from 'type-graphql';

/**
 * The object whose field is being resolved, as it is. type-graphql's `@Parent()` copies it into a new
 * instance of its class on every call (the objects here are plain ones from the mappers, never
 * instances), which costs a copy per field resolved; resolvers here only read it.
 */
export function Parent(): ParameterDecorator {
  return createParameterDecorator(({ root }) => root as unknown);
}
