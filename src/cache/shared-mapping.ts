import { deepFreeze } from './deep-freeze';

const mappings = new WeakMap<object, Map<(read: never) => unknown, unknown>>();

/**
 * `map(read)`, once per read that requests share. A read from the cache is the same frozen objects
 * for every request that gets it (see DecodedReads), and so is what is mapped from it: a listing of
 * thousands of objects is not mapped again for each request, nor held once per request in flight. A
 * read of the request's own (not frozen) is mapped for it alone. `map` must be a module-level
 * function: the mapping is kept per function, for as long as the read is.
 */
export function mapShared<R extends object, T>(read: R, map: (read: R) => T): T {
  if (!Object.isFrozen(read)) return map(read);
  let byMapper = mappings.get(read);
  if (!byMapper) {
    byMapper = new Map();
    mappings.set(read, byMapper);
  }
  if (!byMapper.has(map)) byMapper.set(map, deepFreeze(map(read)));
  return byMapper.get(map) as T;
}
