import { UserInputError } from '../errors/user-input-error';
import { organizationRef } from '../graph/common/organization-ref';
import { decodeGlobalId, type EntityType } from '../model/global-id';
import { Provider } from '../model/provider';
import { PROVIDER_LABELS } from '../providers/provider-labels';

/**
 * Checks of a mutation's input, all before any upstream call: IDs of the right type at the one
 * provider that can take the write, lists that are not empty, updates that change something.
 */

/** The provider's key of an object named by global ID, which must be of `provider`. */
export function keyAt(
  type: EntityType,
  id: string,
  provider: Provider,
  argument: string,
  why: string,
): string {
  const parts = decodeGlobalId(id, type);
  if (parts.provider !== provider) {
    throw new UserInputError(
      `${argument} is a ${PROVIDER_LABELS[parts.provider]} ${type}: ${why}`,
      argument,
    );
  }
  return parts.key;
}

/** The shape of the organization ids of the providers that take writes: a typo costs no call. */
const ORGANIZATION_ID_FORMATS: Partial<Record<Provider, { pattern: RegExp; what: string }>> = {
  [Provider.DATADOG]: {
    pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    what: 'a Datadog org uuid',
  },
  [Provider.AUTH0]: {
    pattern: /^org_[A-Za-z0-9]{1,46}$/,
    what: 'an Auth0 organization id (org_...)',
  },
};

/** An organization of `provider`, by global ID or the provider's own id. */
export function organizationKeyAt(value: string, provider: Provider, argument: string): string {
  const ref = organizationRef(value, argument, [provider]);
  if (ref.provider !== provider) {
    throw new UserInputError(
      `${argument} is a ${PROVIDER_LABELS[ref.provider]} organization, not a ${PROVIDER_LABELS[provider]} one`,
      argument,
    );
  }
  const format = ORGANIZATION_ID_FORMATS[provider];
  if (format && !format.pattern.test(ref.key)) {
    throw new UserInputError(
      `${argument} "${ref.key.slice(0, 80)}" is not ${format.what}, nor an orgraph global ID`,
      argument,
    );
  }
  return ref.key;
}

/** A list of at least one item and at most `max`, without repeats, of items that pass `check`. */
export function checkList<T>(
  values: readonly T[],
  argument: string,
  max: number,
  check: (value: T) => boolean = () => true,
  what = 'value',
): void {
  if (values.length === 0)
    throw new UserInputError(`${argument} needs at least one ${what}`, argument);
  if (values.length > max) {
    throw new UserInputError(`${argument} takes at most ${max} ${what}s per call`, argument);
  }
  if (new Set(values).size !== values.length) {
    throw new UserInputError(`${argument} names a ${what} twice`, argument);
  }
  const bad = values.find((value) => !check(value));
  if (bad !== undefined) {
    throw new UserInputError(
      `${argument}: "${String(bad).slice(0, 80)}" is not a ${what}`,
      argument,
    );
  }
}

/** An update must change something: at least one of `fields` given (not null). */
export function checkSomeChange(input: object, fields: readonly string[], argument: string): void {
  const given = fields.some(
    (field) =>
      (input as Record<string, unknown>)[field] !== undefined &&
      (input as Record<string, unknown>)[field] !== null,
  );
  if (!given) {
    throw new UserInputError(
      `${argument} changes nothing: give at least one of ${fields.join(', ')}`,
      argument,
    );
  }
}
