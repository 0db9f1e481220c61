import { createHash } from 'node:crypto';

/**
 * Names a provider tenant in keys: a hash of the base URL its clients call (an Auth0 tenant's domain,
 * a Datadog site). Every credential of the tenant shares it, so a write through one credential
 * retires what every other credential cached. Datadog's orgs share a site's URL: a write in one org
 * retires the others' entries too, which costs them a read, never a stale answer.
 */
export function providerTenant(baseUrl: string): string {
  let normalized = baseUrl;
  try {
    normalized = new URL(baseUrl).href;
  } catch {
    // Not a URL: hashed as it is (configuration validates base URLs, so only in tests).
  }
  if (!normalized.endsWith('/')) normalized += '/';
  return createHash('sha256').update(normalized).digest('base64url').slice(0, 16);
}
