/**
 * The hand-written baseline: node:http and graphql-js `execute` over the reference resolvers with
 * hand-written batching (every distinct upstream call once per request, independent calls at once).
 * The practical upper bound for a Node GraphQL server over these providers.
 */
import { createServer, type ServerResponse } from 'node:http';
import { execute, type ExecutionResult } from 'graphql';
import { Access } from '../reference/access/access';
import { batchedStrategy } from '../reference/access/strategy';
import type { ReferenceContext } from '../reference/context';
import { buildReferenceSchema } from '../reference/reference-schema';
import { readUpstreamEnv } from '../reference/upstream-env';
import { DocumentCache } from './document-cache';
import { graphqlBody } from './graphql-body';
import { readBody } from './read-body';

const env = readUpstreamEnv(process.env);
const schema = buildReferenceSchema();
const documents = new DocumentCache(schema);

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

const server = createServer((request, response) => {
  const path = (request.url ?? '').split('?')[0];
  if (request.method !== 'POST' || path !== '/graphql') {
    send(response, 404, { errors: [{ message: 'POST /graphql only' }] });
    return;
  }
  void readBody(request)
    .then(async (raw) => {
      const body = graphqlBody(raw);
      if (!body) return send(response, 400, { errors: [{ message: 'Not a GraphQL request' }] });
      const checked = documents.get(body.query);
      if ('errors' in checked) return send(response, 400, { errors: checked.errors });
      const contextValue: ReferenceContext = { access: new Access(env, batchedStrategy()) };
      const result: ExecutionResult = await execute({
        schema,
        document: checked.document,
        variableValues: body.variables,
        operationName: body.operationName,
        contextValue,
      });
      send(response, 200, result);
    })
    .catch((error: unknown) => {
      send(response, 500, {
        errors: [{ message: error instanceof Error ? error.message : 'error' }],
      });
    });
});

const port = Number(process.env.PORT ?? 4100);
server.listen(port, '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${port}/graphql`);
});
