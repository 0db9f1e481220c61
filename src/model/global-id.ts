import { UserInputError } from '../errors/user-input-error';
import { ALL_PROVIDERS, type Provider } from './provider';

/** The graph's entity types, as global IDs name them. */
export type EntityType = 'Organization' | 'Connection' | 'User' | 'Permission';
const ENTITY_TYPES: readonly EntityType[] = ['Organization', 'Connection', 'User', 'Permission'];

export interface GlobalIdParts {
  type: EntityType;
  provider: Provider;
  /** The provider's key for the object (a native id, or a composite the provider folder builds). */
  key: string;
}

/**
 * Global IDs are opaque to clients but stable: base64url of `[type, provider, key]`. The same object
 * always gets the same ID, across requests and server restarts, so clients and other subgraphs may store it.
 */
export function encodeGlobalId(type: EntityType, provider: Provider, key: string): string {
  return Buffer.from(JSON.stringify([type, provider, key]), 'utf8').toString('base64url');
}

export function decodeGlobalId(id: string, expectedType?: EntityType): GlobalIdParts {
  const malformed = () =>
    new UserInputError(
      `Malformed ID "${id.length > 80 ? `${id.slice(0, 80)}...` : id}": not an orgraph ID`,
      'id',
    );
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(id)) throw malformed();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    !(ENTITY_TYPES as readonly unknown[]).includes(parsed[0]) ||
    !(ALL_PROVIDERS as readonly unknown[]).includes(parsed[1]) ||
    typeof parsed[2] !== 'string' ||
    parsed[2].length === 0
  ) {
    throw malformed();
  }
  const [type, provider, key] = parsed as [EntityType, Provider, string];
  if (expectedType && type !== expectedType) {
    throw new UserInputError(`ID "${id}" is a ${type} ID, not a ${expectedType} ID`, 'id');
  }
  return { type, provider, key };
}

/** Joins parts of a composite provider key (e.g. an Auth0 organization id and a user id). */
export function compositeKey(...parts: string[]): string {
  return parts.map((p) => encodeURIComponent(p)).join('/');
}

export function splitCompositeKey(key: string, expectedParts: number): string[] | null {
  const parts = key.split('/').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return '';
    }
  });
  return parts.length === expectedParts && parts.every((p) => p.length > 0) ? parts : null;
}
