import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { JwtCallersConfig } from '../config/callers-config.type';
import { ALL_PROVIDERS, type Provider } from '../model/provider';
import type { Caller } from './caller.type';

/** Why a bearer token was not accepted: the caller's doing, or the key set's (unreachable). */
export type JwtRefusal = 'expired' | 'invalid' | 'unverifiable';

export type JwtOutcome = { caller: Caller } | { refused: JwtRefusal; reason: string };

// jose's errors for a token that is wrong in itself; any other failure is the key set's.
const TOKEN_ERRORS = [
  errors.JWTClaimValidationFailed,
  errors.JWSSignatureVerificationFailed,
  errors.JWKSNoMatchingKey,
  errors.JWKSMultipleMatchingKeys,
  errors.JOSEAlgNotAllowed,
  errors.JOSENotSupported,
  errors.JWSInvalid,
  errors.JWTInvalid,
];

const MAX_SUBJECT_LENGTH = 256;

/**
 * Callers with bearer JWTs: the signature checked against the issuer's JWKS (fetched and cached by
 * jose, refetched for an unknown key id at most every 30 s), algorithms restricted; issuer,
 * audience, expiry and subject required. The caller's id is the token's `sub`.
 */
export class JwtCallers {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: JwtCallersConfig) {
    this.keys = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5_000 });
  }

  async verify(token: string): Promise<JwtOutcome> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.config.algorithms,
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { refused: 'expired', reason: error.code };
      if (TOKEN_ERRORS.some((type) => error instanceof type)) {
        return { refused: 'invalid', reason: (error as errors.JOSEError).code };
      }
      const reason = error instanceof errors.JOSEError ? error.code : 'jwks unreachable';
      return { refused: 'unverifiable', reason };
    }
    const subject = payload.sub;
    if (!subject || subject.length > MAX_SUBJECT_LENGTH) {
      return { refused: 'invalid', reason: 'sub too long' };
    }
    const { policy, providersClaim } = this.config;
    const providers = providersClaim
      ? policy.providers.filter((p) => claimedProviders(payload[providersClaim]).includes(p))
      : policy.providers;
    return { caller: { id: subject, method: 'jwt', ...policy, providers } };
  }
}

/**
 * Providers a claim names: an array of names, or a space-separated string as OAuth scopes are sent;
 * case-insensitive, other values ignored. A token without the claim gets the configured policy.
 */
function claimedProviders(claim: unknown): readonly Provider[] {
  if (claim === undefined) return ALL_PROVIDERS;
  const names = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/\s+/) : [];
  const upper = names.filter((n): n is string => typeof n === 'string').map((n) => n.toUpperCase());
  return ALL_PROVIDERS.filter((p) => upper.includes(p));
}
