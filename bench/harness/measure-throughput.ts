import autocannon from 'autocannon';
import { cpuMs } from './process-usage';

export interface ThroughputSample {
  /** Measured requests (whole walks for a walk) per second. */
  rps: number;
  p50: number;
  p99: number;
  /** The system's CPU time per measured request, in ms. */
  cpuMsPerRequest: number;
  /** Responses that were not 200, and connection errors or timeouts. */
  failures: number;
}

export interface ThroughputOptions {
  url: string;
  /** The HTTP bodies of one measured request, sent in order (a walk's pages). */
  bodies: string[];
  connections: number;
  durationSeconds: number;
  /** The process whose CPU is counted. */
  pid: number;
}

/**
 * autocannon against one system: a closed loop of `connections` clients for the duration. A system too
 * slow to answer each client twice in that time is measured again over a fixed number of requests
 * (2 per client), so its figure is a rate, not a zero.
 */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputSample> {
  const first = await run(options, { duration: options.durationSeconds });
  const pages = options.bodies.length;
  if (first.completed >= 2 * options.connections * pages) return first.sample;
  return (await run(options, { amount: 2 * options.connections * pages })).sample;
}

async function run(
  options: ThroughputOptions,
  length: { duration: number } | { amount: number },
): Promise<{ sample: ThroughputSample; completed: number }> {
  const cpuBefore = cpuMs(options.pid);
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: options.bodies.map((body) => ({ method: 'POST', body })),
    connections: options.connections,
    ...length,
    timeout: 120,
  });
  const cpu = cpuMs(options.pid) - cpuBefore;
  const pages = options.bodies.length;
  const measured = result.requests.total / pages;
  return {
    completed: result.requests.total,
    sample: {
      rps: measured / result.duration,
      // autocannon times each HTTP request: a walk's latency is its pages' sum.
      p50: result.latency.p50 * pages,
      p99: result.latency.p99 * pages,
      cpuMsPerRequest: measured > 0 ? cpu / measured : NaN,
      failures: result.non2xx + result.errors + result.timeouts,
    },
  };
}
