import type { BenchPlan } from './bench-plan';
import type { Dataset } from './bench-query';
import type { CallCounts } from './emulator-process';
import type { Repeated } from './stats';

/** Who answered: a GraphQL system, or the floor (the ideal REST client). */
export type Subject = string;

export interface CallsResult {
  dataset: Dataset;
  query: string;
  subject: Subject;
  min?: number;
  /** Upstream calls of one request on a fresh process (orgraph's cache empty). */
  cold: number;
  byRoute: CallCounts;
  /** The same request again, on the same process: 0 is expected with the cache on. */
  repeat?: number;
  /** Set when the request failed or was cut off. */
  failure?: string;
}

export interface AnswerCheck {
  dataset: Dataset;
  query: string;
  subject: Subject;
  equal: boolean;
  /** Where the answer first differs from orgraph's, or why there is none. */
  detail?: string;
}

export interface LatencyResult {
  dataset: Dataset;
  latencyMs: number;
  query: string;
  subject: Subject;
  p50: Repeated;
  p99: Repeated;
}

export interface ThroughputResult {
  dataset: Dataset;
  latencyMs: number;
  query: string;
  subject: Subject;
  concurrency: number;
  rps: Repeated;
  cpuMsPerRequest: Repeated;
  p50: Repeated;
  p99: Repeated;
  failures: number;
}

export interface MemoryResult {
  dataset: Dataset;
  subject: Subject;
  /** Resident memory once started and answering. */
  idleRssMb: number;
  /** Peak over the dataset's timed runs. */
  peakRssMb: number;
  /** Peak during the memory run (large data, concurrent full listings), when it ran. */
  fullListingPeakRssMb?: number;
  fullListingRps?: number;
  fullListingFailures?: number;
}

export interface TargetResult {
  target: string;
  met: boolean;
  measured: string;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  plan: BenchPlan;
  machine: { cpus: number; cpuModel: string; node: string; platform: string };
  subjects: Array<{ id: Subject; label: string }>;
  /** The upstream call budget and rate pacing the run used. */
  conditions: string[];
  calls: CallsResult[];
  answers: AnswerCheck[];
  latency: LatencyResult[];
  throughput: ThroughputResult[];
  memory: MemoryResult[];
  targets: TargetResult[];
  /** Why a target was missed, as found by profiling (kept from bench/findings.md). */
  notes: string[];
}
