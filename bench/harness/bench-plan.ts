import type { Dataset } from './bench-query';

/** What one run measures, and how long it spends on each measurement. */
export interface BenchPlan {
  mode: 'full' | 'quick';
  datasets: Array<{ dataset: Dataset; size: number }>;
  /** Added upstream latency, ms: every dataset runs at each. */
  latenciesMs: number[];
  /** Latencies at which the large dataset is timed (it is always checked for calls and memory). */
  largeLatenciesMs: number[];
  /** Each measurement is repeated this many times, the systems interleaved. */
  repeats: number;
  /** Timed requests per latency sample (one client). */
  latencySamples: number;
  /** Concurrencies of the deep query's throughput; the other queries run at `concurrency`. */
  deepConcurrencies: number[];
  concurrency: number;
  throughputSeconds: number;
  /** The memory run: concurrent full listings, and for how long. */
  memoryClients: number;
  memorySeconds: number;
  /** A request slower than this is cut off and reported (the naive server on large data). */
  requestTimeoutMs: number;
  /** A system whose first answer took longer than this is not timed on that query and data. */
  slowRequestMs: number;
}

export function benchPlan(argv: readonly string[]): BenchPlan {
  const quick = argv.includes('--quick');
  return quick
    ? {
        mode: 'quick',
        datasets: [
          { dataset: 'demo', size: 12 },
          { dataset: 'large', size: 2000 },
        ],
        latenciesMs: [20],
        largeLatenciesMs: [],
        repeats: 1,
        latencySamples: 8,
        deepConcurrencies: [1, 8],
        concurrency: 8,
        throughputSeconds: 1,
        memoryClients: 8,
        memorySeconds: 5,
        requestTimeoutMs: 20_000,
        slowRequestMs: 5_000,
      }
    : {
        mode: 'full',
        datasets: [
          { dataset: 'demo', size: 12 },
          { dataset: 'large', size: 2000 },
        ],
        latenciesMs: [0, 20],
        largeLatenciesMs: [20],
        repeats: 3,
        latencySamples: 12,
        deepConcurrencies: [1, 8, 32],
        concurrency: 8,
        throughputSeconds: 1.5,
        memoryClients: 8,
        memorySeconds: 15,
        requestTimeoutMs: 30_000,
        slowRequestMs: 5_000,
      };
}
