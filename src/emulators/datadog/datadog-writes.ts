import type { EmulatorRequest, EmulatorResponse } from '../emulator-server';
import type { SeededRandom } from '../random';
import type {
  DatadogData,
  DatadogOrgConnection,
  DatadogOrgConnectionResponse,
} from './datadog-data';
import { parseWriteBody, VALIDATION_FAILED } from './datadog-body';
import { datadogError, datadogOk } from './datadog-dialect';
import { datadogTimestamp, isUuid } from './datadog-format';

/** What the write handlers change and draw from: the served data, ids, and the clock for `created_at`. */
export interface WriteContext {
  data: DatadogData;
  rng: SeededRandom;
  now: () => Date;
}

const INVALID_ID = 'connection id must be a valid uuid';

/** `POST /api/v2/org_connections`: connects the keys' own org (the source) to `sink_org`. */
export function createOrgConnection(ctx: WriteContext, request: EmulatorRequest): EmulatorResponse {
  const parsed = parseWriteBody(request.body);
  if (parsed?.sinkOrgId === undefined) return datadogError(400, VALIDATION_FAILED);
  const { data } = ctx;
  const source = data.orgs.find((org) => org.id === data.currentOrgId);
  const sink = data.orgs.find((org) => org.id === parsed.sinkOrgId);
  // Recorded: an unknown sink is a bare "Not found".
  if (!source || !sink) return datadogError(404);
  const pair = `connection between orgs ${source.id} and ${sink.id}`;
  // Recorded: duplicate types get this message, not the schema one.
  if (parsed.hasDuplicates || sink.id === source.id)
    return datadogError(400, `${pair} is not allowed`);
  const exists = data.connections.some(
    (c) =>
      c.relationships.source_org?.data.id === source.id &&
      c.relationships.sink_org?.data.id === sink.id,
  );
  if (exists) return datadogError(409, `${pair} already exists`);

  const user = data.users.find((u) => u.id === data.currentUserId)!;
  const connection: DatadogOrgConnection = {
    type: 'org_connection',
    id: ctx.rng.uuid(),
    attributes: {
      created_at: datadogTimestamp(ctx.now(), ctx.rng.int(0, 999)),
      connection_types: parsed.connectionTypes,
    },
    relationships: {
      source_org: { data: { type: 'orgs', id: source.id, name: source.name } },
      sink_org: { data: { type: 'orgs', id: sink.id, name: sink.name } },
      created_by: { data: { type: 'users', id: user.id, name: user.name } },
    },
  };
  data.connections.push(connection);
  const body: DatadogOrgConnectionResponse = { data: structuredClone(connection) };
  return datadogOk(body); // 200, not 201, as recorded
}

/** `PATCH /api/v2/org_connections/:connection_id`: replaces `connection_types`. */
export function updateOrgConnection(ctx: WriteContext, request: EmulatorRequest): EmulatorResponse {
  const id = request.params['connection_id'];
  if (!isUuid(id)) return datadogError(400, INVALID_ID);
  const parsed = parseWriteBody(request.body);
  if (!parsed || parsed.hasDuplicates || parsed.id !== id)
    return datadogError(400, VALIDATION_FAILED);
  const connection = ctx.data.connections.find((c) => c.id === id);
  // Recorded wording, capital O and the doubled "not found" included.
  if (!connection) return datadogError(404, `Org connection with id:${id} not found not found`);
  connection.attributes.connection_types = parsed.connectionTypes;
  const body: DatadogOrgConnectionResponse = { data: withoutNames(connection) };
  return datadogOk(body);
}

/** `DELETE /api/v2/org_connections/:connection_id`: 200 with `{}`. */
export function deleteOrgConnection(ctx: WriteContext, request: EmulatorRequest): EmulatorResponse {
  const id = request.params['connection_id'];
  if (!isUuid(id)) return datadogError(400, INVALID_ID);
  const index = ctx.data.connections.findIndex((c) => c.id === id);
  if (index < 0) return datadogError(404, `org connection with id:${id} not found not found`);
  ctx.data.connections.splice(index, 1);
  return datadogOk({});
}

/** The recorded PATCH response names no org and no user: ids only. */
function withoutNames(connection: DatadogOrgConnection): DatadogOrgConnection {
  const copy = structuredClone(connection);
  const { source_org, sink_org, created_by } = copy.relationships;
  for (const relationship of [source_org, sink_org, created_by]) delete relationship?.data.name;
  return copy;
}
