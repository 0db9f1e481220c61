/**
 * A list whose items are mapped only when read: a page of 10 out of a listing of 2,000 rows maps 10.
 * Arrays are list views too.
 */
export interface ListView<T> {
  readonly length: number;
  slice(start: number, end: number): T[];
}

/** `rows` seen through `map`, each row mapped when first sliced (give `map` a memo to map it once). */
export function mappedView<R, T>(rows: readonly R[], map: (row: R) => T): ListView<T> {
  return {
    length: rows.length,
    slice: (start, end) => rows.slice(start, end).map(map),
  };
}

/** `map` remembering its answer per row object, for one request (the rows are that request's). */
export function memoized<R extends object, T>(map: (row: R) => T): (row: R) => T {
  const done = new WeakMap<R, T>();
  return (row) => {
    let mapped = done.get(row);
    if (mapped === undefined) {
      mapped = map(row);
      done.set(row, mapped);
    }
    return mapped;
  };
}
