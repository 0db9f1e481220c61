/**
 * Every emulator serves two tenants (a Crux account, an Auth0 tenant, a Datadog org), each with its own
 * credentials and data, so callers can check that answers, caches and limits never cross credentials.
 * The first tenant is the emulator's original one: same seed, same credentials, same data.
 */
export const FIRST_TENANT = 'first';
export const SECOND_TENANT = 'second';
export type TenantName = typeof FIRST_TENANT | typeof SECOND_TENANT;

/** One tenant of a provider emulator: the credentials that reach it and the data it serves. */
export interface EmulatorTenant<Credentials, Data> {
  readonly name: TenantName;
  readonly credentials: Credentials;
  readonly data: Data;
}

export interface TenantSeed {
  seed: number;
  size: number;
  /** Added to the shared organization-name index, so two tenants need not share names. */
  nameOffset?: number;
}

/**
 * The second tenant's seed: another seed, the same size, and organization names past every name the
 * first tenant uses at any provider (they use indexes below 5/3 × size). The three providers of the
 * second tenant still overlap with one another the way the first tenant's do.
 */
export function secondTenantSeed(first: { seed: number; size: number }): Required<TenantSeed> {
  return { seed: first.seed + 1000, size: first.size, nameOffset: 2 * first.size };
}
