import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors/error-code';
import { limitError } from './limit-error';

/**
 * What one field resolution holds in memory beyond its JSON (its path, info, promise and result record).
 * Without it, a query fanning out into many small values reaches the heap's end long before its JSON
 * reaches the limit: its work in progress, not its output, is what fills memory.
 */
const RESOLUTION_OVERHEAD_BYTES = 100;

/** The running size of one request's response, as its fields resolve (see metered-schema.ts). */
export class ResponseMeter {
  private bytes = 0;
  exceeded = false;
  /**
   * Thrown where a non-null field can no longer be resolved. It carries a path, so graphql-js passes
   * this one instance up as it is instead of building (and capturing a stack for) an error per field.
   */
  readonly stop = new GraphQLError('Response too large', { path: [] });

  constructor(readonly maxBytes: number) {}

  /** A field is about to resolve: `"key":` and its bookkeeping. */
  field(key: string | number): void {
    this.add(String(key).length + 4 + RESOLUTION_OVERHEAD_BYTES);
  }

  /** A field resolved to `value`: its own JSON size (an object's fields are counted as they resolve). */
  value(value: unknown): void {
    this.add(sizeOf(value));
  }

  /** The one error the caller gets instead of the data. */
  error(): GraphQLError {
    return limitError(
      `The response grew past its limit of ${formatSize(this.maxBytes)}; ask for smaller pages or fewer fields`,
      ErrorCode.RESPONSE_TOO_LARGE,
      'responseSize',
      { maxBytes: this.maxBytes },
      null,
    );
  }

  private add(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > this.maxBytes) this.exceeded = true;
  }
}

function sizeOf(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
    case 'bigint':
      return 8;
    case 'boolean':
      return 5;
    case 'object':
      if (value === null) return 4;
      if (Array.isArray(value)) return 2 + value.length;
      if (value instanceof Date) return 26;
      return 2;
    default:
      return 4;
  }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024))} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}
