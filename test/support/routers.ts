import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { FORWARDED_HEADERS, postGraphQL, startGateway } from './federation-gateway';
import type { GraphQLResponse } from './test-stack';

/**
 * The federation routers the tests route through:
 * - `apollo-gateway`: @apollo/gateway, in-process (test/support/federation-gateway.ts);
 * - `hive-js`: GraphQL Hive Gateway with its default JavaScript query planner;
 * - `hive-rust`: the same gateway with @graphql-hive/router-runtime's Rust query planner.
 * Hive Gateway runs as a child process from test/routers/, which has its own packages (installed by
 * `npm test`'s pretest, scripts/install-router-tests.js).
 */
export type RouterKind = 'apollo-gateway' | 'hive-js' | 'hive-rust';

export const ROUTER_KINDS: readonly RouterKind[] = ['apollo-gateway', 'hive-js', 'hive-rust'];

export interface Subgraph {
  name: string;
  /** Where the router sends the subgraph's fetches, e.g. `http://127.0.0.1:41234/graphql`. */
  url: string;
}

export interface RunningRouter {
  kind: RouterKind;
  url: string;
  /** A raw GraphQL POST: the status, data, errors and extensions exactly as the client receives them. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

const ROUTERS_DIR = path.resolve(__dirname, '..', 'routers');
const HIVE_GATEWAY_SCRIPT = path.join(ROUTERS_DIR, 'hive-gateway.mjs');
const LISTENING = /hive-gateway listening at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;
// Enough of the child's output to explain a failed start.
const KEPT_OUTPUT_CHARS = 8_000;

/**
 * Starts a router of `kind` over the running `subgraphs`, on a free loopback port. Every router passes
 * on the caller's credential headers (FORWARDED_HEADERS) to every subgraph.
 */
export async function startRouter(kind: RouterKind, subgraphs: Subgraph[]): Promise<RunningRouter> {
  if (kind === 'apollo-gateway') {
    const gateway = await startGateway(subgraphs);
    return {
      kind,
      url: gateway.url,
      query: (query, variables, headers) => gateway.query(query, variables, headers),
      stop: () => gateway.stop(),
    };
  }
  return startHiveGateway(kind, await composeSupergraph(subgraphs));
}

/**
 * The supergraph SDL of the running subgraphs, from their live `_service { sdl }`, composed by
 * @apollo/composition (what `rover supergraph compose` runs).
 */
export async function composeSupergraph(subgraphs: Subgraph[]): Promise<string> {
  const services = await Promise.all(
    subgraphs.map(async ({ name, url }) => {
      const response = await postGraphQL<{ _service: { sdl: string } }>(
        url,
        '{ _service { sdl } }',
      );
      const sdl = response.data?._service.sdl;
      if (!sdl)
        throw new Error(`${name} at ${url} did not answer its SDL: ${JSON.stringify(response)}`);
      return { name, url, typeDefs: parse(sdl) };
    }),
  );
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return result.supergraphSdl;
}

async function startHiveGateway(
  kind: Exclude<RouterKind, 'apollo-gateway'>,
  supergraphSdl: string,
): Promise<RunningRouter> {
  if (!existsSync(path.join(ROUTERS_DIR, 'node_modules', '@graphql-hive', 'gateway'))) {
    throw new Error(
      'Hive Gateway is not installed in test/routers: run `node scripts/install-router-tests.js` ' +
        '(npm test does it first)',
    );
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'orgraph-router-'));
  const supergraphFile = path.join(dir, 'supergraph.graphql');
  await writeFile(supergraphFile, supergraphSdl);
  const args = [HIVE_GATEWAY_SCRIPT, '--supergraph', supergraphFile];
  args.push('--planner', kind === 'hive-rust' ? 'rust' : 'js');
  for (const header of FORWARDED_HEADERS) args.push('--forward-header', header);
  // The node binary itself, not npx: the child's pid is the process that serves. NODE_ENV as
  // operators run it (jest sets `test`).
  const child = spawn(process.execPath, args, {
    cwd: ROUTERS_DIR,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(kill);
      }
      untrack(child);
      await rm(dir, { recursive: true, force: true });
    })());

  try {
    const url = await listeningUrl(child);
    return {
      kind,
      url,
      query: (query, variables, headers) => postGraphQL(url, query, variables, headers),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Resolves with the URL the child prints once it listens; rejects, with its output, if it does not. */
function listeningUrl(child: ChildProcess): Promise<string> {
  let output = '';
  const keep = (line: string) => (output = `${output}${line}\n`.slice(-KEPT_OUTPUT_CHARS));
  // Both pipes are read to the end: a child writing to a full pipe would block.
  createInterface({ input: child.stderr! }).on('line', keep);
  const stdout = createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`hive-gateway ${why}:\n${output}`));
    };
    const timer = setTimeout(
      () => fail(`was not listening within ${START_TIMEOUT_MS} ms`),
      START_TIMEOUT_MS,
    );
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited (${signal ?? code}) before it was listening`);
    child.once('exit', onExit);
    stdout.on('line', (line) => {
      keep(line);
      const listening = LISTENING.exec(line);
      if (!listening) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      resolve(listening[1]);
    });
  });
}

// Gateways still running when the jest worker ends (a test that failed before its afterAll).
const running = new Set<ChildProcess>();
let hookInstalled = false;

function track(child: ChildProcess): void {
  running.add(child);
  if (hookInstalled) return;
  hookInstalled = true;
  process.on('exit', () => {
    for (const orphan of running) orphan.kill('SIGKILL');
  });
}

function untrack(child: ChildProcess): void {
  running.delete(child);
}
