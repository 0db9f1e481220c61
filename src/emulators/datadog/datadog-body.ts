import { CONNECTION_TYPES, type DatadogConnectionType } from './datadog-data';

/** The message Datadog sends for a body that fails its schema (recorded on PATCH). */
export const VALIDATION_FAILED = 'Validation failed for input.';

export interface ParsedWrite {
  connectionTypes: DatadogConnectionType[];
  /** True when a type is listed twice: valid JSON:API, refused by Datadog with its own message. */
  hasDuplicates: boolean;
  /** `data.relationships.sink_org.data.id` (create) or `data.id` (update), when present. */
  sinkOrgId?: string;
  id?: string;
}

/** Checks the JSON:API envelope shared by create and update; null when it breaks the schema. */
export function parseWriteBody(body: unknown): ParsedWrite | null {
  const data = field(body, 'data');
  if (field(data, 'type') !== 'org_connection') return null;
  const types = field(field(data, 'attributes'), 'connection_types');
  if (!Array.isArray(types) || types.length === 0) return null;
  if (!types.every((t): t is DatadogConnectionType => isConnectionType(t))) return null;
  const sinkOrgId = field(field(field(field(data, 'relationships'), 'sink_org'), 'data'), 'id');
  const id = field(data, 'id');
  return {
    connectionTypes: [...types],
    hasDuplicates: new Set(types).size !== types.length,
    ...(typeof sinkOrgId === 'string' ? { sinkOrgId } : {}),
    ...(typeof id === 'string' ? { id } : {}),
  };
}

function isConnectionType(value: unknown): value is DatadogConnectionType {
  return (CONNECTION_TYPES as readonly unknown[]).includes(value);
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}
