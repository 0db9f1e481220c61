import fs from 'node:fs';
import { ConfigError } from './config-error';
import type { LimitsConfig } from './config.type';
import { boolean, integer, type Env } from './env-values';

/**
 * The defaults let every shipped example, documented query and test query through (the largest measured
 * are in README's "Query limits" table) and refuse what would hurt long before the process does.
 */
export const LIMIT_DEFAULTS = {
  maxDepth: 15,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 5_000,
  maxCost: 1_000_000,
  maxResponseMb: 8,
} as const;

export function loadLimits(
  env: Env,
  { production, introspection }: { production: boolean; introspection: boolean },
): LimitsConfig {
  const d = LIMIT_DEFAULTS;
  return {
    maxDepth: integer(env, 'ORGRAPH_MAX_DEPTH', d.maxDepth, 1, 100),
    maxAliases: integer(env, 'ORGRAPH_MAX_ALIASES', d.maxAliases, 0, 10_000),
    maxDirectives: integer(env, 'ORGRAPH_MAX_DIRECTIVES', d.maxDirectives, 0, 10_000),
    maxTokens: integer(env, 'ORGRAPH_MAX_TOKENS', d.maxTokens, 100, 1_000_000),
    // 0 turns the estimate off, leaving the response ceiling as the only bound.
    maxCost: integer(env, 'ORGRAPH_MAX_COST', d.maxCost, 0, Number.MAX_SAFE_INTEGER),
    maxResponseBytes:
      integer(env, 'ORGRAPH_MAX_RESPONSE_MB', d.maxResponseMb, 1, 1_024) * 1024 * 1024,
    // Suggestions name fields a caller did not ask about: the schema, piece by piece.
    hideSchemaDetails: boolean(env, 'ORGRAPH_HIDE_SCHEMA_DETAILS', !introspection),
    // A trace shows resolver timings and paths: only for routers where the operator allows it.
    federationTraces: boolean(env, 'ORGRAPH_FEDERATION_TRACES', !production),
    trustedDocuments: trustedDocuments(env),
  };
}

function trustedDocuments(env: Env): string | undefined {
  const value = env.ORGRAPH_TRUSTED_DOCUMENTS?.trim();
  if (!value || value.toLowerCase() === 'off') return undefined;
  if (value === 'client') return value;
  if (!fs.existsSync(value)) {
    throw new ConfigError(
      'ORGRAPH_TRUSTED_DOCUMENTS',
      'must be off, client, or the path of a .graphql file or of a folder of them',
    );
  }
  return value;
}
