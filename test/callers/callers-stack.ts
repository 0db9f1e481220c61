import { loadCallersConfig } from '../../src/config/load-callers-config';
import { hashApiKey } from '../../src/callers/api-key-hash';
import type { Env } from '../../src/config/env-values';
import { startTestStack, type TestStack } from '../support/test-stack';

/** API keys of the callers the tests configure (only their hashes reach the configuration). */
export const KEYS = {
  /** Every provider, its own credentials allowed, traces, writes. */
  admin: 'test-admin-key-7c1f0e9a4b2d',
  /** Crux only; may send its own (Crux) credentials. */
  cruxOnly: 'test-crux-only-key-3e8a51d6',
  /** Every provider; may not send provider credentials. */
  noOwn: 'test-no-own-credentials-key-92b4',
};

export const API_KEYS_ENV = JSON.stringify([
  {
    id: 'admin',
    sha256: hashApiKey(KEYS.admin),
    ownCredentials: true,
    traces: true,
    writes: true,
  },
  {
    id: 'crux-only',
    sha256: hashApiKey(KEYS.cruxOnly),
    providers: ['CRUX'],
    ownCredentials: true,
  },
  { id: 'no-own-credentials', sha256: hashApiKey(KEYS.noOwn) },
]);

/** The test stack with caller authentication configured from `env` (the real loader). */
export function startCallersStack(
  env: Env = { ORGRAPH_API_KEYS: API_KEYS_ENV },
): Promise<TestStack> {
  return startTestStack({
    configure: (config) => ({ ...config, callers: loadCallersConfig(env) }),
  });
}

/** The callers that took turns at rate budgets, recorded from the server's RateBudget. */
export function recordRateTurns(stack: TestStack): string[] {
  const callers: string[] = [];
  const budget = stack.server.upstream.rateBudget;
  const acquire = budget.acquire.bind(budget);
  budget.acquire = (key, caller, deadlineAt) => {
    callers.push(caller);
    return acquire(key, caller, deadlineAt);
  };
  return callers;
}
