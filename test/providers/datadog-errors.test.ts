import { DatadogEmulator } from '../../src/emulators/datadog/datadog-emulator';
import { DatadogSource } from '../../src/providers/datadog/datadog-source';
import { clientFor, LIST, sourceFor } from './datadog-fixtures';
import { upstreamFailure } from '../support/upstream-failure';
import { rateWindowStart } from '../support/rate-window-start';

const API_KEY = 'dd-secret-api-key-5f1e';
const APP_KEY = 'dd-secret-app-key-9c2a';

/** The error a listing rejects with, checked to carry neither key anywhere. */
const failure = (promise: Promise<unknown>) =>
  upstreamFailure(promise, {
    provider: 'DATADOG',
    secrets: [API_KEY, APP_KEY, 'wrong-api-key', 'wrong-app-key'],
  });

describe('Datadog errors', () => {
  const emulator = new DatadogEmulator({ apiKey: API_KEY, appKey: APP_KEY });

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  it('wrong keys: UPSTREAM_FORBIDDEN (Datadog answers 403), not retried', async () => {
    const client = clientFor(emulator, { keys: { apiKey: 'wrong-api-key', appKey: APP_KEY } });
    const error = await failure(new DatadogSource(client).connections({}));
    expect(error.extensions['code']).toBe('UPSTREAM_FORBIDDEN');
    expect(error.extensions['upstreamStatus']).toBe(403);
    expect(emulator.counter.count(LIST)).toBe(1);

    const wrongApp = clientFor(emulator, { keys: { apiKey: API_KEY, appKey: 'wrong-app-key' } });
    const second = await failure(wrongApp.listOrgConnections({ limit: 10, offset: 0 }));
    expect(second.extensions['code']).toBe('UPSTREAM_FORBIDDEN');
  });

  it('429 with a reset beyond the retry budget: UPSTREAM_RATE_LIMITED with retryAfterSeconds', async () => {
    emulator.setKnobs({ rateLimit: { limit: 1, periodSeconds: 60 } });
    const source = sourceFor(emulator);
    await source.connections({});
    const error = await failure(sourceFor(emulator).connections({}));
    expect(error.extensions['code']).toBe('UPSTREAM_RATE_LIMITED');
    const wait = error.extensions['retryAfterSeconds'];
    expect(typeof wait).toBe('number');
    expect(wait).toBeGreaterThan(1); // seconds until the reset, not an epoch time
    expect(wait).toBeLessThanOrEqual(60);
    expect(emulator.counter.count(LIST)).toBe(2); // a minute is not waited for
  });

  it('429 with a short reset is waited for and retried', async () => {
    emulator.setKnobs({ rateLimit: { limit: 1, periodSeconds: 2 } });
    const client = clientFor(emulator, { retry: { maxRetryDelayMs: 2500 } });
    await rateWindowStart(2);
    await client.listOrgConnections({ limit: 10, offset: 0 });
    const page = await client.listOrgConnections({ limit: 10, offset: 1 });
    expect(page.data).toHaveLength(10);
    expect(emulator.counter.requests().map((r) => r.status)).toEqual([200, 429, 200]);
  });

  it('503 once, then OK: retried and answered', async () => {
    emulator.setKnobs({ faults: [{ route: LIST, status: 503, times: 1 }] });
    const connections = await sourceFor(emulator).connections({});
    expect(connections).toHaveLength(emulator.data.connections.length);
    expect(emulator.counter.count(LIST)).toBe(2);
  });

  it('503 past the retries: UPSTREAM_UNAVAILABLE after 1 + 2 attempts', async () => {
    emulator.setKnobs({ faults: [{ route: LIST, status: 503 }] });
    const error = await failure(sourceFor(emulator).connections({}));
    expect(error.extensions['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(emulator.counter.count(LIST)).toBe(3);
  });

  it('a body that breaks the contract: UPSTREAM_BAD_RESPONSE', async () => {
    emulator.setKnobs({ faults: [{ route: LIST, malformed: 'shape', times: 1 }] });
    const error = await failure(sourceFor(emulator).connections({}));
    expect(error.extensions['code']).toBe('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toContain('at data');
  });

  it('truncated JSON: UPSTREAM_BAD_RESPONSE', async () => {
    emulator.setKnobs({ faults: [{ route: LIST, malformed: 'truncated', times: 1 }] });
    const error = await failure(sourceFor(emulator).connections({}));
    expect(error.extensions['code']).toBe('UPSTREAM_BAD_RESPONSE');
  });

  it('no answer within timeoutMs: UPSTREAM_UNAVAILABLE', async () => {
    emulator.setKnobs({ faults: [{ route: LIST, timeout: true }] });
    const client = clientFor(emulator, { retry: { retries: 1, timeoutMs: 200 } });
    const error = await failure(new DatadogSource(client).connections({}));
    expect(error.extensions['code']).toBe('UPSTREAM_UNAVAILABLE');
    expect(emulator.counter.count(LIST)).toBe(2);
  });

  it('a failure is kept for the request: lookups after it do not call again', async () => {
    emulator.setKnobs({ faults: [{ route: LIST, status: 403 }] });
    const source = sourceFor(emulator);
    await failure(source.organizations());
    await failure(source.organization('any'));
    await failure(source.connections({ organizationKey: 'any' }));
    expect(emulator.counter.count(LIST)).toBe(1);
  });
});
