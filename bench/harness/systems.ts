import path from 'node:path';
import { startChildService } from './child-service';
import type { ProviderEnv } from './emulator-process';
import { freePort } from './free-port';

export type SystemId =
  'orgraph-cache-off' | 'orgraph-cache-on' | 'naive-apollo' | 'hand-written' | 'hive-gateway';

/** A GraphQL server under test, in its own process. */
export interface RunningSystem {
  readonly id: SystemId;
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface SystemSpec {
  id: SystemId;
  label: string;
  start(env: ProviderEnv): Promise<RunningSystem>;
}

/**
 * Upstream calls a request may make in these runs: a query over 2,000 objects per provider
 * legitimately needs more than the production default of 300 (the report says so).
 */
export const BENCH_CALL_BUDGET = 20_000;

interface NodeServiceOptions {
  id: SystemId;
  script: string;
  env: NodeJS.ProcessEnv;
  ready: RegExp;
}

async function startNodeService(options: NodeServiceOptions): Promise<RunningSystem> {
  const port = await freePort();
  const child = await startChildService({
    command: process.execPath,
    args: [options.script],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env, PORT: String(port) },
    ready: options.ready,
  });
  return {
    id: options.id,
    url: `http://127.0.0.1:${port}/graphql`,
    pid: child.pid,
    stop: () => child.stop(),
  };
}

/** orgraph as shipped: the production build, in production mode, with its defaults but the budget. */
function orgraph(root: string, cache: boolean): SystemSpec {
  const id = cache ? 'orgraph-cache-on' : 'orgraph-cache-off';
  return {
    id,
    label: cache ? 'orgraph, cache on' : 'orgraph, cache off',
    start: (env) =>
      startNodeService({
        id,
        script: path.join(root, 'dist', 'src', 'main.js'),
        env: {
          ...env,
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          ORGRAPH_CACHE: String(cache),
          ORGRAPH_REQUEST_CALL_BUDGET: String(BENCH_CALL_BUDGET),
        },
        ready: /orgraph listening/,
      }),
  };
}

function bundled(distDir: string, id: SystemId, label: string): SystemSpec {
  return {
    id,
    label,
    start: (env) =>
      startNodeService({
        id,
        script: path.join(distDir, `${id}.js`),
        env: { ...env, NODE_ENV: 'production' },
        ready: /^listening /,
      }),
  };
}

/** Every GraphQL system of the comparison, in the order the reports list them. */
export function graphqlSystems(root: string, distDir: string): SystemSpec[] {
  return [
    orgraph(root, false),
    orgraph(root, true),
    bundled(distDir, 'hand-written', 'hand-written (node:http + graphql-js)'),
    bundled(distDir, 'naive-apollo', 'naive Apollo Server'),
  ];
}
