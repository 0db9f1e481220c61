import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exited, terminate } from './child-process-exit';
import { composeSupergraph } from './compose-supergraph';
import { hiveSystemDir } from './system-dir';

export interface RunningHiveGateway {
  /** POST GraphQL here. */
  url: string;
  /** The Node process serving `url` (no wrapper in between), for CPU and RSS readings. */
  pid: number;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/**
 * Composes the supergraph for this run's emulators (`env`: CRUX_API_URL, CRUX_API_TOKEN, AUTH0_API_URL,
 * AUTH0_TOKEN, DATADOG_API_URL, DD_API_KEY, DD_APP_KEY) and serves it with `hive-gateway supergraph`
 * on 127.0.0.1:`port`, in its own process, one worker. Resolves once it answers a query.
 */
export async function startHiveGateway(
  env: Record<string, string>,
  port: number,
): Promise<RunningHiveGateway> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'orgraph-bench-hive-'));
  const supergraph = path.join(dir, 'supergraph.graphql');
  try {
    await composeSupergraph(env, supergraph);
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
  const bin = path.join(
    path.dirname(require.resolve('@graphql-hive/gateway/package.json')),
    'dist',
    'bin.js',
  );
  const args = [bin, 'supergraph', supergraph, '--host', '127.0.0.1', '--port', String(port)];
  args.push('--config-path', path.join(hiveSystemDir(), 'gateway.config.ts'));
  // The node binary itself, not npx: the child's pid is the process that serves.
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Hive's logger writes to stdout; both streams are read (a full pipe would stall the gateway) and
  // only their tail is kept, for the error message of a failed start.
  let output = '';
  const keepTail = (chunk: string) => (output = (output + chunk).slice(-8000));
  child.stdout?.setEncoding('utf8').on('data', keepTail);
  child.stderr?.setEncoding('utf8').on('data', keepTail);
  const url = `http://127.0.0.1:${port}/graphql`;
  const stop = async () => {
    await terminate(child);
    await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, stop };
}

/** Polls a trivial query until the gateway answers it, failing early if the process exits. */
async function waitUntilAnswering(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  let gone = false;
  void exited(child).then(() => (gone = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`hive-gateway exited before answering:\n${output()}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      const body = (await response.json()) as { data?: { __typename?: string } };
      if (body.data?.__typename === 'Query') return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`hive-gateway did not answer within ${READY_TIMEOUT_MS} ms:\n${output()}`);
}
