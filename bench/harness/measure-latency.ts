import { quantile } from './stats';

export interface LatencySample {
  p50: number;
  p99: number;
  samples: number;
  failures: number;
}

/**
 * One client, one request at a time: `samples` timed runs of `request` after `warmup` untimed ones.
 * A run that throws counts as a failure, not a time.
 */
export async function sampleLatency(
  request: () => Promise<unknown>,
  samples: number,
  warmup = 2,
): Promise<LatencySample> {
  for (let i = 0; i < warmup; i += 1) await request().catch(() => undefined);
  const times: number[] = [];
  let failures = 0;
  for (let i = 0; i < samples; i += 1) {
    const started = performance.now();
    try {
      await request();
      times.push(performance.now() - started);
    } catch {
      failures += 1;
    }
  }
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), samples: times.length, failures };
}
