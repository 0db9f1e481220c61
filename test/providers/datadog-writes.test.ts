import { DatadogEmulator } from '../../src/emulators/datadog/datadog-emulator';
import type { DatadogOrgConnection } from '../../src/emulators/datadog/datadog-data';
import { DatadogClient } from '../../src/providers/datadog/datadog-client';
import { DatadogSource } from '../../src/providers/datadog/datadog-source';
import { upstreamFailure } from '../support/upstream-failure';
import { clientFor, sourceFor, TEST_RETRY } from './datadog-fixtures';

const CREATE = 'POST /api/v2/org_connections';
const UPDATE = 'PATCH /api/v2/org_connections/:connection_id';
const DELETE = 'DELETE /api/v2/org_connections/:connection_id';
const UNKNOWN_ID = '00000000-0000-0000-0000-000000000000';

const failure = (promise: Promise<unknown>) =>
  upstreamFailure(promise, {
    provider: 'DATADOG',
    secrets: ['dd-demo-api-key', 'dd-demo-app-key'],
  });

describe('Datadog writes (DatadogSource over a real client and the emulator)', () => {
  const emulator = new DatadogEmulator({ seed: 42, size: 12 });
  const data = () => emulator.data;
  const sourceOf = (c: DatadogOrgConnection) => c.relationships.source_org?.data.id;
  const sinkOf = (c: DatadogOrgConnection) => c.relationships.sink_org?.data.id;
  /** An org the keys' own org has no connection to yet. */
  const unconnectedSink = () =>
    data().orgs.find(
      (org) =>
        org.id !== data().currentOrgId &&
        !data().connections.some(
          (c) => sourceOf(c) === data().currentOrgId && sinkOf(c) === org.id,
        ),
    )!;
  /** A connection from the keys' own org, which the keys may change. */
  const ownConnection = () => data().connections.find((c) => sourceOf(c) === data().currentOrgId)!;

  beforeAll(() => emulator.start());
  afterAll(() => emulator.stop());
  afterEach(() => emulator.reset());

  describe('changes the emulator state with one call each', () => {
    it('creates a connection to a sink org, and answers it mapped with both orgs named', async () => {
      const sink = unconnectedSink();
      const before = data().connections.length;
      const connection = await sourceFor(emulator).createOrgDataSharingConnection({
        sinkOrganizationKey: sink.id,
        connectionTypes: ['logs', 'metrics'],
      });
      expect(data().connections).toHaveLength(before + 1);
      const stored = data().connections.find((c) => c.id === connection.key)!;
      expect(sinkOf(stored)).toBe(sink.id);
      expect(connection).toMatchObject({
        provider: 'DATADOG',
        kind: 'ORG_DATA_SHARING',
        nativeId: stored.id,
        connectionTypes: ['logs', 'metrics'],
        createdAt: stored.attributes.created_at,
        sourceRef: { provider: 'DATADOG', key: data().currentOrgId },
        sinkRef: { provider: 'DATADOG', key: sink.id },
      });
      expect(emulator.counter.byRoute()).toEqual({ [CREATE]: 1 });
    });

    it('names the new connection, its orgs and creator for lookups in the same request, no listing', async () => {
      const source = sourceFor(emulator);
      const sink = unconnectedSink();
      const created = await source.createOrgDataSharingConnection({
        sinkOrganizationKey: sink.id,
        connectionTypes: ['logs'],
      });
      expect(await source.connection(created.key)).toBe(created);
      expect((await source.organization(sink.id))?.name).toBe(sink.name);
      expect((await source.user(created.createdByRef!.key))?.name).toBeTruthy();
      expect(emulator.counter.byRoute()).toEqual({ [CREATE]: 1 });
    });

    it('updates the connection types', async () => {
      const target = ownConnection();
      const connection = await sourceFor(emulator).updateOrgDataSharingConnection(target.id, {
        connectionTypes: ['audit'],
      });
      expect(
        data().connections.find((c) => c.id === target.id)!.attributes.connection_types,
      ).toEqual(['audit']);
      expect(connection).toMatchObject({ key: target.id, connectionTypes: ['audit'] });
      expect(connection.sinkRef?.key).toBe(sinkOf(target));
      expect(emulator.counter.byRoute()).toEqual({ [UPDATE]: 1 });
    });

    it('deletes the connection; a lookup in the same request then finds none', async () => {
      const source = sourceFor(emulator);
      const target = ownConnection();
      await source.deleteOrgDataSharingConnection(target.id);
      expect(data().connections.some((c) => c.id === target.id)).toBe(false);
      expect(await source.connection(target.id)).toBeNull();
      expect(emulator.counter.byRoute()).toEqual({ [DELETE]: 1 });
    });
  });

  describe('refusals map to their codes, with the provider message', () => {
    it('a duplicate connection: 409 UPSTREAM_CONFLICT with Datadog message, sent once', async () => {
      const existing = ownConnection();
      const error = await failure(
        sourceFor(emulator).createOrgDataSharingConnection({
          sinkOrganizationKey: sinkOf(existing)!,
          connectionTypes: ['logs'],
        }),
      );
      expect(error.extensions).toMatchObject({
        code: 'UPSTREAM_CONFLICT',
        upstreamStatus: 409,
        providerMessage: `connection between orgs ${data().currentOrgId} and ${sinkOf(existing)} already exists`,
      });
      expect(emulator.counter.byRoute()).toEqual({ [CREATE]: 1 });
    });

    it('an unknown connection: 404 NOT_FOUND', async () => {
      const error = await failure(sourceFor(emulator).deleteOrgDataSharingConnection(UNKNOWN_ID));
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', upstreamStatus: 404 });
      expect(emulator.counter.byRoute()).toEqual({ [DELETE]: 1 });
    });

    it('a body Datadog refuses: 400 UPSTREAM_ERROR with its message', async () => {
      const error = await failure(
        sourceFor(emulator).updateOrgDataSharingConnection(ownConnection().id, {
          connectionTypes: ['logs', 'logs'],
        }),
      );
      expect(error.extensions).toMatchObject({
        code: 'UPSTREAM_ERROR',
        upstreamStatus: 400,
        providerMessage: 'Validation failed for input.',
      });
      expect(error.message).toContain('Validation failed for input.');
      expect(emulator.counter.byRoute()).toEqual({ [UPDATE]: 1 });
    });

    it('sanitizes the message: no URL, no control character, at most 300 characters', async () => {
      const message = `Bad\u001b[31m sink\r\nsee https://evil.example/x?token=abc and www.evil.example ${'y'.repeat(400)}`;
      emulator.setKnobs({ faults: [{ route: CREATE, status: 422, message }] });
      const error = await failure(
        sourceFor(emulator).createOrgDataSharingConnection({
          sinkOrganizationKey: unconnectedSink().id,
          connectionTypes: ['logs'],
        }),
      );
      const providerMessage = error.extensions['providerMessage'] as string;
      expect(error.extensions['code']).toBe('UPSTREAM_ERROR');
      expect(
        providerMessage.startsWith('Bad [31m sink see [link removed] and [link removed] yyy'),
      ).toBe(true);
      expect(providerMessage).not.toMatch(/evil|token/);
      expect([...providerMessage].every((c) => c.charCodeAt(0) >= 0x20)).toBe(true);
      expect(providerMessage.length).toBeLessThanOrEqual(300);
      expect(error.message).not.toContain('evil');
    });
  });

  describe('retries: only what may be repeated', () => {
    it('a POST that times out is sent once: UPSTREAM_OUTCOME_UNKNOWN', async () => {
      emulator.setKnobs({ faults: [{ route: CREATE, timeout: true }] });
      const client = clientFor(emulator, { retry: { timeoutMs: 300 } });
      const error = await failure(
        new DatadogSource(client).createOrgDataSharingConnection({
          sinkOrganizationKey: unconnectedSink().id,
          connectionTypes: ['logs'],
        }),
      );
      expect(error.extensions['code']).toBe('UPSTREAM_OUTCOME_UNKNOWN');
      expect(error.message).toBe(
        'Datadog did not answer in time: the write may or may not have happened',
      );
      expect(emulator.counter.byRoute()).toEqual({ [CREATE]: 1 });
    });

    it('a POST answered 503 is not retried: UPSTREAM_UNAVAILABLE, and no connection made', async () => {
      emulator.setKnobs({ faults: [{ route: CREATE, status: 503, times: 1 }] });
      const before = data().connections.length;
      const error = await failure(
        sourceFor(emulator).createOrgDataSharingConnection({
          sinkOrganizationKey: unconnectedSink().id,
          connectionTypes: ['logs'],
        }),
      );
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamStatus: 503 });
      expect(data().connections).toHaveLength(before);
      expect(emulator.counter.byRoute()).toEqual({ [CREATE]: 1 });
    });

    it('a PATCH answered 503 once is retried and applied', async () => {
      emulator.setKnobs({ faults: [{ route: UPDATE, status: 503, times: 1 }] });
      const target = ownConnection();
      const connection = await sourceFor(emulator).updateOrgDataSharingConnection(target.id, {
        connectionTypes: ['metrics'],
      });
      expect(connection.connectionTypes).toEqual(['metrics']);
      expect(emulator.counter.requests().map((r) => r.status)).toEqual([503, 200]);
    });

    it('a DELETE answered 503 once is retried and applied', async () => {
      emulator.setKnobs({ faults: [{ route: DELETE, status: 503, times: 1 }] });
      const target = ownConnection();
      await sourceFor(emulator).deleteOrgDataSharingConnection(target.id);
      expect(data().connections.some((c) => c.id === target.id)).toBe(false);
      expect(emulator.counter.requests().map((r) => r.status)).toEqual([503, 200]);
    });

    it('a PATCH whose every attempt times out: UPSTREAM_OUTCOME_UNKNOWN after 1 + 2 attempts', async () => {
      emulator.setKnobs({ faults: [{ route: UPDATE, timeout: true }] });
      const client = clientFor(emulator, { retry: { timeoutMs: 300, maxRetryDelayMs: 100 } });
      const error = await failure(
        new DatadogSource(client).updateOrgDataSharingConnection(ownConnection().id, {
          connectionTypes: ['logs'],
        }),
      );
      expect(error.extensions['code']).toBe('UPSTREAM_OUTCOME_UNKNOWN');
      expect(emulator.counter.byRoute()).toEqual({ [UPDATE]: 3 });
    });

    it('a POST to a closed port is refused before anything is sent: UPSTREAM_UNAVAILABLE', async () => {
      const closed = new DatadogEmulator();
      await closed.start();
      const url = closed.url;
      await closed.stop();
      const client = new DatadogClient({ baseURL: url, retry: TEST_RETRY }, emulator.credentials);
      const error = await failure(
        new DatadogSource(client).createOrgDataSharingConnection({
          sinkOrganizationKey: unconnectedSink().id,
          connectionTypes: ['logs'],
        }),
      );
      expect(error.extensions['code']).toBe('UPSTREAM_UNAVAILABLE');
    });
  });
});
