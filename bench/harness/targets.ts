import type { BenchQuery } from './bench-query';
import type { BenchResults, TargetResult, ThroughputResult } from './bench-results';

/** The targets, each met or missed, from what the run measured. */
export const P50_SLACK_MS = 3;
export const DEEP_LATENCY_MS = 20;
export const DEEP_CONCURRENCY = 8;
export const RSS_LIMIT_MB = 300;
export const DEEP_RATIOS: Array<{ subject: string; query: string; ratio: number }> = [
  { subject: 'hand-written', query: 'deep', ratio: 0.8 },
  { subject: 'naive-apollo', query: 'deep', ratio: 5 },
  { subject: 'hive-gateway', query: 'deep-auth0', ratio: 2.5 },
];

export function evaluateTargets(results: BenchResults, queries: BenchQuery[]): TargetResult[] {
  const targets: TargetResult[] = [];
  const names = new Set(queries.map((q) => q.name));

  const orgraphCalls = results.calls.filter(
    (c) => c.subject === 'orgraph-cache-on' && names.has(c.query) && c.min !== undefined,
  );
  const aboveMin = orgraphCalls.filter((c) => c.cold !== c.min || c.failure);
  targets.push({
    target: 'Upstream calls equal the minimum on every query when cold (cache on, fresh process)',
    met: orgraphCalls.length > 0 && aboveMin.length === 0,
    measured: aboveMin.length
      ? aboveMin.map((c) => `${c.query} (${c.dataset}): ${c.cold} for ${c.min}`).join('; ')
      : `${orgraphCalls.length} query runs at the minimum`,
  });
  const repeats = orgraphCalls.filter((c) => c.repeat !== 0);
  targets.push({
    target: 'Upstream calls are 0 on a repeat with the cache on',
    met: orgraphCalls.length > 0 && repeats.length === 0,
    measured: repeats.length
      ? repeats.map((c) => `${c.query} (${c.dataset}): ${c.repeat ?? 'failed'}`).join('; ')
      : `0 on all ${orgraphCalls.length}`,
  });

  const oneClient = results.latency.filter((l) => l.latencyMs === DEEP_LATENCY_MS);
  const over: string[] = [];
  let compared = 0;
  for (const row of oneClient.filter((l) => l.subject === 'orgraph-cache-off')) {
    const floor = oneClient.find(
      (l) => l.subject === 'floor' && l.query === row.query && l.dataset === row.dataset,
    );
    if (!floor) continue;
    compared += 1;
    const gap = row.p50.median - floor.p50.median;
    if (gap > P50_SLACK_MS) over.push(`${row.query} (${row.dataset}) +${gap.toFixed(1)} ms`);
  }
  targets.push({
    target: `At ${DEEP_LATENCY_MS} ms upstream latency, one client: orgraph's p50 (cache off) within ${P50_SLACK_MS} ms of the floor on every query`,
    met: compared > 0 && over.length === 0,
    measured: over.length ? over.join('; ') : `${compared} queries within ${P50_SLACK_MS} ms`,
  });

  for (const { subject, query, ratio } of DEEP_RATIOS) {
    const ours = deepRow(results.throughput, 'orgraph-cache-off', query);
    const theirs = deepRow(results.throughput, subject, query);
    const measured =
      ours && theirs && theirs.rps.median > 0 ? ours.rps.median / theirs.rps.median : undefined;
    targets.push({
      target: `Deep query throughput (${query}, ${DEEP_LATENCY_MS} ms, ${DEEP_CONCURRENCY} clients, demo data, cache off) at least ${ratio}x ${subject}`,
      met: measured !== undefined && measured >= ratio,
      measured:
        measured === undefined
          ? `not measured`
          : `${measured.toFixed(2)}x (${ours?.rps.median.toFixed(0)} vs ${theirs?.rps.median.toFixed(0)} req/s)`,
    });
  }

  const memory = results.memory.filter(
    (m) => m.subject.startsWith('orgraph') && m.fullListingPeakRssMb !== undefined,
  );
  const heaviest = Math.max(...memory.map((m) => m.fullListingPeakRssMb ?? 0));
  targets.push({
    target: `Peak RSS at or under ${RSS_LIMIT_MB} MB with 2,000 objects per provider and ${results.plan.memoryClients} concurrent full listings`,
    met: memory.length > 0 && heaviest <= RSS_LIMIT_MB,
    measured: memory.length
      ? memory.map((m) => `${m.subject} ${m.fullListingPeakRssMb?.toFixed(0)} MB`).join(', ')
      : 'not measured',
  });
  return targets;
}

function deepRow(
  rows: ThroughputResult[],
  subject: string,
  query: string,
): ThroughputResult | undefined {
  return rows.find(
    (r) =>
      r.subject === subject &&
      r.query === query &&
      r.dataset === 'demo' &&
      r.latencyMs === DEEP_LATENCY_MS &&
      r.concurrency === DEEP_CONCURRENCY,
  );
}
