import { GraphQLError } from 'graphql';
import type { Context } from '../context/context.type';
import { ErrorCode } from '../errors/error-code';
import { UserErrorCode } from '../graph/common/user-error-code.enum';
import type { UserError } from '../graph/common/user-error.type';
import type { Provider } from '../model/provider';
import { PROVIDER_LABELS } from '../providers/provider-labels';
import { auditWrite } from './audit-log';

export interface WriteSpec {
  /** The mutation's name, for the audit line. */
  operation: string;
  provider: Provider;
  /** What it writes to, by the provider's own ids (never a credential). */
  target: string;
  /** The input field a provider's "no such object" or conflict concerns. */
  field: string[];
}

export type WriteResult<T> =
  { value: T; userErrors: UserError[] } | { value: null; userErrors: UserError[] };

/** Provider answers the caller can act on, by HTTP status. */
const USER_ERROR_CODES: Record<number, UserErrorCode> = {
  404: UserErrorCode.NOT_FOUND,
  409: UserErrorCode.CONFLICT,
  400: UserErrorCode.REJECTED,
  422: UserErrorCode.REJECTED,
};

/**
 * Runs one write and audits it. What the provider refuses (404, 409, 400, 422) becomes the payload's
 * `userErrors`; a failure of the system (provider down, rate limited, outcome unknown) stays a GraphQL
 * error. Input is checked before this, so nothing here runs for bad input.
 */
export async function runWrite<T>(
  ctx: Context,
  spec: WriteSpec,
  write: () => Promise<T>,
): Promise<WriteResult<T>> {
  const audit = (outcome: Parameters<typeof auditWrite>[2]['outcome']) =>
    auditWrite(ctx.logger, ctx.caller, {
      operation: spec.operation,
      provider: spec.provider,
      target: spec.target,
      outcome,
    });
  try {
    const value = await write();
    audit('ok');
    return { value, userErrors: [] };
  } catch (error) {
    const userError = asUserError(error, spec);
    if (userError) {
      audit(`rejected:${userError.code}`);
      return { value: null, userErrors: [userError] };
    }
    const code =
      error instanceof GraphQLError
        ? String(error.extensions.code)
        : ErrorCode.INTERNAL_SERVER_ERROR;
    audit(`failed:${code}`);
    throw error;
  }
}

function asUserError(error: unknown, spec: WriteSpec): UserError | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const status = error.extensions.upstreamStatus;
  const code = typeof status === 'number' ? USER_ERROR_CODES[status] : undefined;
  if (!code) return undefined;
  const said = error.extensions.providerMessage;
  const label = PROVIDER_LABELS[spec.provider];
  const message =
    typeof said === 'string' && said
      ? `${label}: ${said}`
      : code === UserErrorCode.NOT_FOUND
        ? `${label} has no such object`
        : error.message;
  return { field: spec.field, message, code };
}
