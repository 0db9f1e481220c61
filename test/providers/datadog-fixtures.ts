import type { DatadogEmulator } from '../../src/emulators/datadog/datadog-emulator';
import { DatadogClient } from '../../src/providers/datadog/datadog-client';
import { DatadogSource } from '../../src/providers/datadog/datadog-source';
import type { RetryPolicy } from '../../src/providers/http/retrying-fetch';

export const LIST = 'GET /api/v2/org_connections';

/** Small values: tests must not wait on production timeouts and backoffs. */
export const TEST_RETRY: Omit<RetryPolicy, 'resetDelay'> = {
  retries: 2,
  timeoutMs: 2000,
  maxRetryDelayMs: 1000,
};

export function clientFor(
  emulator: DatadogEmulator,
  options: {
    retry?: Partial<typeof TEST_RETRY>;
    keys?: { apiKey: string; appKey: string };
    pageSize?: number;
  } = {},
): DatadogClient {
  return new DatadogClient(
    { baseURL: emulator.url, retry: { ...TEST_RETRY, ...options.retry } },
    options.keys ?? emulator.credentials,
    options.pageSize,
  );
}

/** A fresh source, as each GraphQL request gets one. */
export function sourceFor(emulator: DatadogEmulator, pageSize?: number): DatadogSource {
  return new DatadogSource(clientFor(emulator, { pageSize }));
}

/** The query strings of the list calls made so far, e.g. `limit=1000&offset=0`. */
export function listQueries(emulator: DatadogEmulator): string[] {
  return emulator.counter
    .requests()
    .filter((r) => r.route === LIST)
    .map((r) => r.url.split('?')[1] ?? '');
}
