import type { EmulatorRequest, EmulatorResponse } from '../emulator-server';
import { auth0Error, queryError } from './auth0-dialect';

/** Thrown by validators deep in a handler; `guard` turns it into the response it carries. */
export class Auth0RequestError extends Error {
  constructor(readonly response: EmulatorResponse) {
    super(`auth0 request error ${response.status}`);
  }
}

export function guard(
  handler: (request: EmulatorRequest) => EmulatorResponse,
): (request: EmulatorRequest) => EmulatorResponse {
  return (request) => {
    try {
      return handler(request);
    } catch (error) {
      if (error instanceof Auth0RequestError) return error.response;
      throw error;
    }
  };
}

/** The property descriptions Auth0 quotes in its validation messages. */
export const DESCRIPTIONS = {
  page: 'Page index of the results to return. First page is 0.',
  per_page: 'Number of results per page. Defaults to 50.',
  take: 'Number of results per page. Defaults to 50.',
  from: 'Optional Id from which to start selection.',
  include_totals:
    'Return results inside an object that contains the total result count (true) or as a direct ' +
    'array of results (false, default).',
  include_fields: 'Whether specified fields are to be included (true) or excluded (false).',
  is_enabled: 'Filter connections by enabled status.',
} as const;

type Described = keyof typeof DESCRIPTIONS;

export function integerParam(
  query: URLSearchParams,
  name: Described,
  range: { min: number; max?: number; fallback: number },
): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return range.fallback;
  if (!/^-?\d+$/.test(raw)) {
    throw new Auth0RequestError(
      queryError('Expected type integer but found type string', name, DESCRIPTIONS[name]),
    );
  }
  const value = Number(raw);
  if (value < range.min) {
    throw new Auth0RequestError(
      queryError(`Value ${value} is less than minimum ${range.min}`, name, DESCRIPTIONS[name]),
    );
  }
  if (range.max !== undefined && value > range.max) {
    throw new Auth0RequestError(
      queryError(`Value ${value} is greater than maximum ${range.max}`, name, DESCRIPTIONS[name]),
    );
  }
  return value;
}

/** `undefined` when absent, so filters can tell "not given" from `false`. */
export function booleanParam(query: URLSearchParams, name: Described): boolean | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new Auth0RequestError(
    queryError('Expected type boolean but found type string', name, DESCRIPTIONS[name]),
  );
}

/** Organization ids are at most 50 characters; longer ones fail path validation before any lookup. */
export function organizationIdParam(request: EmulatorRequest): string {
  const id = request.params.id ?? '';
  if (id.length > 50) {
    throw new Auth0RequestError(
      auth0Error(
        400,
        `Path validation error: 'String is too long (${id.length} chars), maximum 50' on property id ` +
          '(Organization identifier).',
        'invalid_uri',
      ),
    );
  }
  return id;
}
