import path from 'node:path';
import type { UpstreamVariables } from '../systems/reference/upstream-env';
import { startChildService, type ChildService } from './child-service';

/** The environment a system reads its providers' base URLs and credentials from. */
export type ProviderEnv = UpstreamVariables;

/** Upstream calls by route (`GET /api/v2/org_connections`), summed over the three emulators. */
export type CallCounts = Record<string, number>;

export interface EmulatorProcess {
  readonly size: number;
  readonly env: ProviderEnv;
  readonly pid: number;
  setLatency(ms: number): Promise<void>;
  /** Clears the counters (and the rate windows); the latency stays. */
  resetCounters(): Promise<void>;
  counters(): Promise<CallCounts>;
  stop(): Promise<void>;
}

export function totalCalls(counts: CallCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** Starts the three emulators in a child process with `size` organizations per provider. */
export async function startEmulatorProcess(
  distDir: string,
  size: number,
): Promise<EmulatorProcess> {
  const child: ChildService = await startChildService({
    command: process.execPath,
    args: [path.join(distDir, 'emulators.js')],
    env: { ...process.env, EMULATOR_SIZE: String(size), NODE_ENV: 'production' },
    ready: /^\{"env"/,
  });
  const { env, urls } = JSON.parse(child.readyLine) as { env: ProviderEnv; urls: string[] };
  let latencyMs = 0;
  const admin = async (url: string, method: string, route: string, body?: unknown) => {
    const response = await fetch(`${url}/__emulator/${route}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator ${route}: ${response.status}`);
    return response.status === 204 ? undefined : ((await response.json()) as unknown);
  };
  const setLatency = async (ms: number) => {
    latencyMs = ms;
    await Promise.all(urls.map((url) => admin(url, 'PUT', 'knobs', { latencyMs: ms })));
  };
  return {
    size,
    env,
    pid: child.pid,
    setLatency,
    async resetCounters() {
      // Reset clears every knob: the latency is set again.
      await Promise.all(urls.map((url) => admin(url, 'POST', 'reset')));
      await setLatency(latencyMs);
    },
    async counters() {
      const all = await Promise.all(urls.map((url) => admin(url, 'GET', 'counters')));
      const sum: CallCounts = {};
      for (const counters of all as Array<{ byRoute: CallCounts }>) {
        for (const [route, n] of Object.entries(counters.byRoute))
          sum[route] = (sum[route] ?? 0) + n;
      }
      return sum;
    },
    stop: () => child.stop(),
  };
}
