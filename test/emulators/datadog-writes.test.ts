import { DatadogEmulator } from '../../src/emulators/datadog/datadog-emulator';
import type {
  DatadogOrgConnectionListResponse,
  DatadogOrgConnectionResponse,
} from '../../src/emulators/datadog/datadog-data';

const ZERO = '00000000-0000-0000-0000-000000000000';

describe('Datadog emulator writes', () => {
  let emulator: DatadogEmulator;
  const call = (method: string, path = '', body?: unknown) =>
    fetch(`${emulator.url}/api/v2/org_connections${path}`, {
      method,
      headers: {
        'DD-API-KEY': 'dd-demo-api-key',
        'DD-APPLICATION-KEY': 'dd-demo-app-key',
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const createBody = (sink: string, types: string[] = ['logs']) => ({
    data: {
      attributes: { connection_types: types },
      relationships: { sink_org: { data: { id: sink, type: 'orgs' } } },
      type: 'org_connection',
    },
  });
  const updateBody = (id: string, types: string[]) => ({
    data: { attributes: { connection_types: types }, id, type: 'org_connection' },
  });
  const list = async () => (await (await call('GET')).json()) as DatadogOrgConnectionListResponse;
  /** An org the current org has no connection to yet. */
  const freeSink = () => {
    const { data } = emulator;
    const taken = new Set(
      data.connections
        .filter((c) => c.relationships.source_org?.data.id === data.currentOrgId)
        .map((c) => c.relationships.sink_org?.data.id),
    );
    return data.orgs.find((o) => o.id !== data.currentOrgId && !taken.has(o.id))!;
  };

  beforeEach(async () => {
    emulator = new DatadogEmulator();
    await emulator.start();
  });
  afterEach(() => emulator.stop());

  it('creates (200), lists, updates, and deletes a connection', async () => {
    const sink = freeSink();
    const current = emulator.data.orgs.find((o) => o.id === emulator.data.currentOrgId)!;
    const created = await call('POST', '', createBody(sink.id));
    expect(created.status).toBe(200);
    const { data } = (await created.json()) as DatadogOrgConnectionResponse;
    expect(Object.keys(data)).toEqual(['type', 'id', 'attributes', 'relationships']);
    expect(data.attributes.connection_types).toEqual(['logs']);
    expect(data.attributes.created_at).toMatch(/\.\d{6}\+00:00$/);
    expect(data.relationships).toEqual({
      source_org: { data: { type: 'orgs', id: current.id, name: current.name } },
      sink_org: { data: { type: 'orgs', id: sink.id, name: sink.name } },
      created_by: {
        data: { type: 'users', id: emulator.data.users[0].id, name: emulator.data.users[0].name },
      },
    });

    const afterCreate = await list();
    expect(afterCreate.meta?.page?.total_count).toBe(19);
    expect(afterCreate.data.at(-1)).toEqual(data);

    const patched = await call('PATCH', `/${data.id}`, updateBody(data.id, ['logs', 'metrics']));
    expect(patched.status).toBe(200);
    const patchedBody = (await patched.json()) as DatadogOrgConnectionResponse;
    expect(patchedBody.data.attributes.connection_types).toEqual(['logs', 'metrics']);
    // As recorded: the PATCH response carries ids only, no names.
    expect(patchedBody.data.relationships).toEqual({
      source_org: { data: { type: 'orgs', id: current.id } },
      sink_org: { data: { type: 'orgs', id: sink.id } },
      created_by: { data: { type: 'users', id: emulator.data.users[0].id } },
    });
    const listed = (await list()).data.find((c) => c.id === data.id)!;
    expect(listed.attributes.connection_types).toEqual(['logs', 'metrics']);
    expect(listed.relationships.sink_org?.data.name).toBe(sink.name);

    const deleted = await call('DELETE', `/${data.id}`);
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({});
    expect((await list()).data.map((c) => c.id)).not.toContain(data.id);
    const again = await call('DELETE', `/${data.id}`);
    expect(again.status).toBe(404);
    expect(await again.json()).toEqual({
      errors: [`org connection with id:${data.id} not found not found`],
    });
  });

  it('answers 409 for an existing pair and 400 for duplicate types, as recorded', async () => {
    const sink = freeSink();
    const pair = `connection between orgs ${emulator.data.currentOrgId} and ${sink.id}`;
    const duplicate = await call('POST', '', createBody(sink.id, ['logs', 'logs']));
    expect(duplicate.status).toBe(400);
    expect(await duplicate.json()).toEqual({ errors: [`${pair} is not allowed`] });
    expect((await call('POST', '', createBody(sink.id))).status).toBe(200);
    const conflict = await call('POST', '', createBody(sink.id));
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({ errors: [`${pair} already exists`] });
  });

  it('answers 404 Not found for an unknown sink and 400 for a broken body', async () => {
    const missing = await call('POST', '', createBody('nonexistent-org-id'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errors: ['Not found'] });
    for (const body of [{}, createBody(freeSink().id, []), createBody(freeSink().id, ['traces'])]) {
      const bad = await call('POST', '', body);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ errors: ['Validation failed for input.'] });
    }
    expect(emulator.data.connections).toHaveLength(18);
  });

  it('answers PATCH errors as recorded', async () => {
    const id = emulator.data.connections[0].id;
    const bad = await call('PATCH', `/${id}`, updateBody(id, ['logs', 'logs']));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: ['Validation failed for input.'] });
    const missing = await call('PATCH', `/${ZERO}`, updateBody(ZERO, ['logs', 'metrics']));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      errors: [`Org connection with id:${ZERO} not found not found`],
    });
  });

  it('answers DELETE errors as recorded', async () => {
    const malformed = await call('DELETE', '/malformed_id');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ errors: ['connection id must be a valid uuid'] });
    const missing = await call('DELETE', `/${ZERO}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      errors: [`org connection with id:${ZERO} not found not found`],
    });
  });

  it('answers 403 to writes with the read-only application key, which still reads', async () => {
    const { readOnly } = emulator.credentials;
    const headers = {
      'DD-API-KEY': readOnly.apiKey,
      'DD-APPLICATION-KEY': readOnly.appKey,
      'content-type': 'application/json',
    };
    const id = emulator.data.connections[0].id;
    const writes: Array<[string, string, unknown]> = [
      ['POST', '', createBody(freeSink().id)],
      ['PATCH', `/${id}`, updateBody(id, ['audit'])],
      ['DELETE', `/${id}`, undefined],
    ];
    for (const [method, path, body] of writes) {
      const response = await fetch(`${emulator.url}/api/v2/org_connections${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ errors: ['Forbidden'] });
    }
    const read = await fetch(`${emulator.url}/api/v2/org_connections`, { headers });
    expect(read.status).toBe(200);
    expect(((await read.json()) as DatadogOrgConnectionListResponse).data).toHaveLength(18);
    expect(emulator.counter.count('POST /api/v2/org_connections')).toBe(1);
  });

  it('requires both keys for writes too', async () => {
    const response = await fetch(`${emulator.url}/api/v2/org_connections/${ZERO}`, {
      method: 'DELETE',
      headers: { 'DD-API-KEY': 'dd-demo-api-key' },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ errors: ['Forbidden'] });
  });
});
