import { client as datadogClient, v1, v2 } from '@datadog/datadog-api-client';
import { ManagementClient } from 'auth0';
import type { Auth0Emulator } from '../../src/emulators/auth0/auth0-emulator';
import type { DatadogKeys } from '../../src/emulators/datadog/datadog-dialect';
import type { DatadogEmulator } from '../../src/emulators/datadog/datadog-emulator';

/**
 * The providers' official SDKs (node-auth0 and datadog-api-client-typescript) pointed at the emulators,
 * and what the SDK tests need to look at their answers.
 */

/**
 * The SDK builds `https://{domain}/...` for both the token and the Management API; the emulator speaks
 * plain HTTP on loopback, so the SDK's own `fetch` option downgrades the scheme and nothing else.
 */
export const overPlainHttp: typeof fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  return fetch(url.replace(/^https:\/\//, 'http://'), init);
};

export function auth0Sdk(
  emulator: Auth0Emulator,
  auth: { token: string } | { clientId: string; clientSecret: string },
  options: { maxRetries?: number } = {},
): ManagementClient {
  return new ManagementClient({
    domain: new URL(emulator.url).host,
    audience: emulator.credentials.audience,
    fetch: overPlainHttp,
    ...auth,
    ...options,
  });
}

export function datadogSdk(
  emulator: DatadogEmulator,
  keys: DatadogKeys = emulator.credentials,
): v2.OrgConnectionsApi & { orgs: v1.OrganizationsApi } {
  const configuration = datadogClient.createConfiguration({
    baseServer: new datadogClient.BaseServerConfiguration(emulator.url, {}),
    authMethods: { apiKeyAuth: keys.apiKey, appKeyAuth: keys.appKey },
  });
  return Object.assign(new v2.OrgConnectionsApi(configuration), {
    orgs: new v1.OrganizationsApi(configuration),
  });
}

/** What an SDK call threw, for assertions on its type and fields. */
export async function thrown(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/**
 * datadog-api-client marks what it could not parse instead of throwing: `_unparsed: true` on a model,
 * an `UnparsedObject` for an unknown enum value. Neither may appear anywhere in a parsed answer.
 */
export function unparsedPaths(value: unknown, path = '$'): string[] {
  if (typeof value !== 'object' || value === null || value instanceof Date) return [];
  if (value.constructor.name === 'UnparsedObject') return [path];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '_unparsed' && child === true ? [path] : unparsedPaths(child, `${path}.${key}`),
  );
}
