import type { Context } from '../context/context.type';
import { ForbiddenError } from '../errors/forbidden-error';

/**
 * Whether this request may write at all, checked before its input or any upstream call. Writes are off
 * unless the server turns them on (ORGRAPH_WRITES); with caller authentication on, only callers
 * configured with `writes` may write, so reaching the server is never enough to write with its keys.
 */
export function checkWriteAccess(ctx: Pick<Context, 'writes' | 'caller'>): void {
  if (!ctx.writes) {
    throw new ForbiddenError(
      'This orgraph server is read-only: writes are off (ORGRAPH_WRITES is not true)',
    );
  }
  if (ctx.caller && !ctx.caller.writes) {
    throw new ForbiddenError(`Caller "${ctx.caller.id}" may not write`);
  }
}
