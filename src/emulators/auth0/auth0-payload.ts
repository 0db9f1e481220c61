import { payloadError } from './auth0-dialect';
import { Auth0RequestError } from './auth0-query';

/** A body property's JSON-schema type, as the Management API's request schemas declare them. */
export type PayloadType = 'string' | 'boolean' | 'string[]' | { enum: readonly string[] };

export interface PayloadProperty {
  type: PayloadType;
  /** Quoted in validation messages, as Auth0 quotes the schema's descriptions. */
  description: string;
  /** `null` is accepted too (the newer PATCH documents `... | null` for some fields). */
  nullable?: boolean;
}

export interface PayloadSchema {
  properties: Readonly<Record<string, PayloadProperty>>;
  required?: readonly string[];
}

/**
 * The request body checked against an endpoint's schema: an object, its required properties present, no
 * property the schema does not list (Auth0's schemas set `additionalProperties: false`), each of the
 * declared type, arrays not empty. Throws the 400 Auth0 answers for the first failure.
 */
export function parsePayload(body: unknown, schema: PayloadSchema): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Auth0RequestError(
      payloadError(`Expected type object but found type ${typeName(body)}`),
    );
  }
  const payload = body as Record<string, unknown>;
  const missing = (schema.required ?? []).find((name) => !(name in payload));
  if (missing !== undefined) {
    throw new Auth0RequestError(payloadError(`Missing required property: ${missing}`));
  }
  const unknown = Object.keys(payload).filter((name) => !(name in schema.properties));
  if (unknown.length > 0) {
    throw new Auth0RequestError(
      payloadError(`Additional properties not allowed: ${unknown.join(',')}`),
    );
  }
  for (const [name, value] of Object.entries(payload)) {
    const property = schema.properties[name];
    const failure = value === null && property.nullable ? null : mismatch(value, property.type);
    if (failure !== null) {
      throw new Auth0RequestError(
        payloadError(failure, { name, description: property.description }),
      );
    }
  }
  return payload;
}

/** Why `value` is not of `type`, in z-schema's words; null when it is. */
function mismatch(value: unknown, type: PayloadType): string | null {
  if (typeof type === 'object') {
    return typeof value === 'string' && type.enum.includes(value)
      ? null
      : `No enum match for: ${JSON.stringify(value)}`;
  }
  if (type === 'string[]') {
    if (!Array.isArray(value)) return `Expected type array but found type ${typeName(value)}`;
    if (value.length === 0) return 'Array is too short (0), minimum 1';
    const item: unknown = (value as unknown[]).find((v) => typeof v !== 'string' || v.length === 0);
    if (item === undefined) return null;
    return typeof item === 'string'
      ? 'String is too short (0 chars), minimum 1'
      : `Expected type string but found type ${typeName(item)}`;
  }
  return typeName(value) === type
    ? null
    : `Expected type ${type} but found type ${typeName(value)}`;
}

/** JSON-schema type names: `integer` for whole numbers, `null` and `array` apart from `object`. */
function typeName(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
