import type { Provider } from '../model/provider';

/** What one authenticated caller may do. */
export interface CallerPolicy {
  /** The providers it may use; the others are hidden from it. */
  providers: Provider[];
  /** May it send its own provider credentials (x-crux-token, ...)? */
  ownCredentials: boolean;
  /** May it get federated traces (ftv1)? */
  traces: boolean;
  /** May it run mutations (when writes are on)? */
  writes: boolean;
}

/** A caller known by an API key, of which only the SHA-256 is configured. */
export interface ApiKeyCallerConfig extends CallerPolicy {
  /** Who it is: used for fair turns at shared rate budgets and in logs. */
  id: string;
  /** SHA-256 of the key, lowercase hex. */
  sha256: string;
}

/** Callers with bearer JWTs, verified against the issuer's JSON Web Key Set. */
export interface JwtCallersConfig {
  jwksUrl: string;
  issuer: string;
  /** The token's `aud` must hold one of these. */
  audience: string[];
  algorithms: string[];
  clockToleranceSeconds: number;
  /** What every JWT caller may do at most. */
  policy: CallerPolicy;
  /** A claim listing providers (array, or space-separated string) that narrows `policy.providers`. */
  providersClaim?: string;
}

/** Caller authentication: off when neither API keys nor a JWKS is configured. */
export interface CallersConfig {
  apiKeys: ApiKeyCallerConfig[];
  jwt?: JwtCallersConfig;
}
