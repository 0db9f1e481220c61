import type { BenchPlan } from './bench-plan';
import type { BenchQuery, Dataset } from './bench-query';
import type { BenchResults, MemoryResult } from './bench-results';
import { firstDifference } from './answer-diff';
import { startEmulatorProcess, totalCalls, type EmulatorProcess } from './emulator-process';
import { referenceData, requestBodies, runBenchQuery, type GraphQLAnswer } from './graphql-post';
import { graphForm, hiveForm, type QueryForm } from './query-form';
import { sampleLatency } from './measure-latency';
import { measureThroughput } from './measure-throughput';
import { pickVariables } from './pick-variables';
import { peakRssMb, resetPeakRss, rssMb } from './process-usage';
import { repeated } from './stats';
import type { Subjects } from './subjects';
import type { RunningSystem, SystemId, SystemSpec } from './systems';

export interface DatasetRun {
  dataset: Dataset;
  size: number;
  plan: BenchPlan;
  queries: BenchQuery[];
  subjects: Subjects;
  distDir: string;
  results: BenchResults;
}

/** The query set measured for throughput on the large data (the others are timed with one client). */
const LARGE_THROUGHPUT_QUERIES = new Set(['deep', 'flat-crux', 'flat-auth0', 'flat-datadog']);

/** Everything measured on one dataset: answers and calls, then latency, throughput and memory. */
export async function runDataset(run: DatasetRun): Promise<void> {
  const { dataset, size, plan, results } = run;
  const emulators = await startEmulatorProcess(run.distDir, size);
  const running = new Map<SystemId, RunningSystem>();
  try {
    for (const spec of run.subjects.graphql) running.set(spec.id, await spec.start(emulators.env));
    const orgraph = system(running, 'orgraph-cache-off');
    const variables = await pickVariables(orgraph.url);
    /** How each system is asked each question. */
    const formOf = (query: BenchQuery, id: SystemId): QueryForm =>
      id === 'hive-gateway' && query.hive
        ? hiveForm(query.hive)
        : graphForm(query, variables[query.name] ?? query.hive?.(0).variables);
    const vars = (query: BenchQuery) => variables[query.name];
    /** Pairs a system cannot answer in time on this data are left out of its timings. */
    const skipped = new Set<string>();
    const skip = (query: string, subject: string) => skipped.has(`${query}\u0000${subject}`);

    // 1. Answers and upstream calls, without added latency.
    await emulators.setLatency(0);
    for (const query of run.queries) {
      await emulators.resetCounters();
      const reference = await runBenchQuery(
        orgraph.url,
        query,
        formOf(query, 'orgraph-cache-off'),
        plan.requestTimeoutMs,
      );
      if (reference.errors?.length) {
        throw new Error(
          `orgraph answered ${query.name} with errors: ${JSON.stringify(reference.errors)}`,
        );
      }
      for (const spec of run.subjects.graphql) {
        if (!run.subjects.answers(spec.id, query)) continue;
        const form = formOf(query, spec.id);
        if (spec.id === 'orgraph-cache-on') {
          // A fresh process: its cache is empty, so the first request shows the cold calls.
          await system(running, spec.id).stop();
          running.set(spec.id, await spec.start(emulators.env));
        }
        const target = system(running, spec.id);
        await emulators.resetCounters();
        const started = performance.now();
        const outcome = await answerOnce(target.url, query, form, plan.requestTimeoutMs);
        const seconds = (performance.now() - started) / 1000;
        const counts = await emulators.counters();
        const failure = outcome.failure ?? errorsOf(outcome.answer);
        // Too slow to time repeatedly (the naive server on large data): answered once, left out after.
        const tooSlow = seconds * 1000 > plan.slowRequestMs;
        if (outcome.failure || tooSlow) skipped.add(`${query.name}\u0000${spec.id}`);
        if (tooSlow && !outcome.failure) {
          results.notes.push(
            `${spec.id} took ${seconds.toFixed(1)} s for one ${query.name} request on the ${dataset} data (${totalCalls(counts)} upstream calls): not timed there.`,
          );
        }
        const difference =
          failure ??
          firstDifference(outcome.answer?.data, referenceData(query, form, reference.data));
        results.answers.push({
          dataset,
          query: query.name,
          subject: spec.id,
          equal: difference === undefined,
          detail: difference,
        });
        let repeat: number | undefined;
        if (spec.id === 'orgraph-cache-on' && !failure) {
          await emulators.resetCounters();
          await runBenchQuery(target.url, query, form, plan.requestTimeoutMs);
          repeat = totalCalls(await emulators.counters());
        }
        results.calls.push({
          dataset,
          query: query.name,
          subject: spec.id,
          min: query.minCalls?.[dataset],
          cold: totalCalls(counts),
          byRoute: counts,
          repeat,
          failure,
        });
        console.log(
          `calls ${query.name.padEnd(24)} ${spec.id.padEnd(18)} ${String(totalCalls(counts)).padStart(6)} (min ${query.minCalls?.[dataset] ?? '–'})` +
            `${repeat !== undefined ? `, repeat ${repeat}` : ''}${failure ? `  ${failure}` : ''}`,
        );
      }
      const floor = run.subjects.floor;
      if (floor.answers(query.name)) {
        await emulators.resetCounters();
        await floor.run(query.name, emulators.env, vars(query));
        const counts = await emulators.counters();
        results.calls.push({
          dataset,
          query: query.name,
          subject: 'floor',
          min: query.minCalls?.[dataset],
          cold: totalCalls(counts),
          byRoute: counts,
        });
      }
    }
    for (const [, target] of running) resetPeakRss(target.pid);
    const idle = new Map([...running].map(([id, target]) => [id, rssMb(target.pid)]));

    // 2. One client: latency against the floor.
    const latencies = dataset === 'demo' ? plan.latenciesMs : plan.largeLatenciesMs;
    for (const latencyMs of latencies) {
      await emulators.setLatency(latencyMs);
      for (const query of run.queries) {
        const samples = new Map<string, { p50: number[]; p99: number[] }>();
        const record = (subject: string, p50: number, p99: number) => {
          const entry = samples.get(subject) ?? { p50: [], p99: [] };
          entry.p50.push(p50);
          entry.p99.push(p99);
          samples.set(subject, entry);
        };
        for (let repeat = 0; repeat < plan.repeats; repeat += 1) {
          for (const spec of run.subjects.graphql) {
            if (!run.subjects.answers(spec.id, query) || skip(query.name, spec.id)) continue;
            const url = system(running, spec.id).url;
            const form = formOf(query, spec.id);
            const sample = await sampleLatency(
              () => runBenchQuery(url, query, form, plan.requestTimeoutMs).then(failOnErrors),
              plan.latencySamples,
            );
            if (sample.samples > 0) record(spec.id, sample.p50, sample.p99);
          }
          if (run.subjects.floor.answers(query.name)) {
            const sample = await sampleLatency(
              () => run.subjects.floor.run(query.name, emulators.env, vars(query)),
              plan.latencySamples,
            );
            if (sample.samples > 0) record('floor', sample.p50, sample.p99);
          }
        }
        for (const [subject, entry] of samples) {
          // Seconds per request with one client: too slow to load for throughput on this data.
          if (repeated(entry.p50).median > plan.slowRequestMs / 5 && subject !== 'floor') {
            skipped.add(`${query.name}\u0000${subject}`);
          }
          results.latency.push({
            dataset,
            latencyMs,
            query: query.name,
            subject,
            p50: repeated(entry.p50),
            p99: repeated(entry.p99),
          });
        }
        const line = [...samples]
          .map(([s, e]) => `${s} ${repeated(e.p50).median.toFixed(1)}`)
          .join('  ');
        console.log(`p50 @${latencyMs}ms ${query.name.padEnd(24)} ${line}`);
      }
    }

    // 3. Throughput and CPU per request at several concurrencies.
    for (const latencyMs of latencies) {
      await emulators.setLatency(latencyMs);
      for (const query of run.queries) {
        if (dataset === 'large' && !LARGE_THROUGHPUT_QUERIES.has(query.name)) continue;
        // Without added latency only the deep query's throughput is measured: the run stays short.
        if (latencyMs === 0 && query.name !== 'deep') continue;
        const concurrencies = query.name === 'deep' ? plan.deepConcurrencies : [plan.concurrency];
        for (const concurrency of concurrencies) {
          await measureAll(run, running, emulators, query, formOf, latencyMs, concurrency, skip);
        }
      }
    }

    // 4. Peak memory: concurrent full listings on the large data.
    const memory: MemoryResult[] = [];
    for (const [id, target] of running) {
      memory.push({
        dataset,
        subject: id,
        idleRssMb: idle.get(id) ?? 0,
        peakRssMb: peakRssMb(target.pid),
      });
    }
    const fullListing = run.queries.find((q) => q.name === 'full-listing');
    if (dataset === 'large' && fullListing) {
      for (const entry of memory) {
        const id = entry.subject as SystemId;
        if (!run.subjects.answers(id, fullListing) || skip(fullListing.name, id)) continue;
        const target = system(running, id);
        resetPeakRss(target.pid);
        const sample = await measureThroughput({
          url: target.url,
          bodies: requestBodies(fullListing, formOf(fullListing, id), 1),
          connections: plan.memoryClients,
          durationSeconds: plan.memorySeconds,
          pid: target.pid,
        });
        entry.fullListingPeakRssMb = peakRssMb(target.pid);
        entry.fullListingRps = sample.rps;
        entry.fullListingFailures = sample.failures;
        console.log(
          `memory ${id.padEnd(18)} peak ${entry.fullListingPeakRssMb.toFixed(0)} MB under ${plan.memoryClients} full listings (${sample.rps.toFixed(1)} req/s)`,
        );
      }
    }
    results.memory.push(...memory);
  } finally {
    for (const [, target] of running) await target.stop();
    await emulators.stop();
  }
}

async function measureAll(
  run: DatasetRun,
  running: Map<SystemId, RunningSystem>,
  emulators: EmulatorProcess,
  query: BenchQuery,
  formOf: (query: BenchQuery, id: SystemId) => QueryForm,
  latencyMs: number,
  concurrency: number,
  skip: (query: string, subject: string) => boolean,
): Promise<void> {
  const { plan, results, dataset } = run;
  const orgraph = system(running, 'orgraph-cache-off');
  const pages = query.walk
    ? (await runBenchQuery(orgraph.url, query, formOf(query, orgraph.id), plan.requestTimeoutMs))
        .requests
    : 1;
  const runs = new Map<SystemId, Array<Awaited<ReturnType<typeof measureThroughput>>>>();
  const specs = run.subjects.graphql.filter(
    (spec: SystemSpec) => run.subjects.answers(spec.id, query) && !skip(query.name, spec.id),
  );
  for (let repeat = 0; repeat < plan.repeats; repeat += 1) {
    for (const spec of specs) {
      const target = system(running, spec.id);
      await emulators.resetCounters();
      const sample = await measureThroughput({
        url: target.url,
        bodies: requestBodies(query, formOf(query, spec.id), pages),
        connections: concurrency,
        durationSeconds: plan.throughputSeconds,
        pid: target.pid,
      });
      runs.set(spec.id, [...(runs.get(spec.id) ?? []), sample]);
    }
  }
  const line: string[] = [];
  for (const [id, samples] of runs) {
    const result = {
      dataset,
      latencyMs,
      query: query.name,
      subject: id,
      concurrency,
      rps: repeated(samples.map((s) => s.rps)),
      cpuMsPerRequest: repeated(samples.map((s) => s.cpuMsPerRequest)),
      p50: repeated(samples.map((s) => s.p50)),
      p99: repeated(samples.map((s) => s.p99)),
      failures: samples.reduce((sum, s) => sum + s.failures, 0),
    };
    results.throughput.push(result);
    line.push(
      `${id} ${result.rps.median.toFixed(0)}/s ${result.cpuMsPerRequest.median.toFixed(1)}ms`,
    );
  }
  console.log(
    `rps @${latencyMs}ms c=${String(concurrency).padEnd(2)} ${query.name.padEnd(24)} ${line.join('  ')}`,
  );
}

async function answerOnce(
  url: string,
  query: BenchQuery,
  form: QueryForm,
  timeoutMs: number,
): Promise<{ answer?: GraphQLAnswer; failure?: string }> {
  try {
    return { answer: await runBenchQuery(url, query, form, timeoutMs) };
  } catch (error) {
    const name = (error as { name?: string }).name;
    return {
      failure: name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : String(error),
    };
  }
}

function errorsOf(answer: GraphQLAnswer | undefined): string | undefined {
  const errors = answer?.errors;
  if (!errors?.length) return undefined;
  const kinds = new Map<string, number>();
  for (const e of errors) {
    const kind = e.extensions?.code ?? e.message ?? 'error';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return `errors: ${[...kinds].map(([kind, n]) => (n > 1 ? `${kind} ×${n}` : kind)).join(', ')}`;
}

function failOnErrors(answer: GraphQLAnswer): void {
  const errors = errorsOf(answer);
  if (errors) throw new Error(errors);
}

function system(running: Map<SystemId, RunningSystem>, id: SystemId): RunningSystem {
  const found = running.get(id);
  if (!found) throw new Error(`${id} is not running`);
  return found;
}
