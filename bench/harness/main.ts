/**
 * `npm run bench`: orgraph against a naive Apollo Server, a hand-written minimal server, Hive Gateway
 * over OpenAPI sources and the floor (an ideal REST client), on the same emulators and queries. Writes
 * bench/RESULTS.md, bench/results.json and the charts in bench/charts/. `--quick`: fewer, shorter runs.
 * Started by bench/bench.js, which installs bench/'s dependencies and builds what this runs.
 */
import os from 'node:os';
import path from 'node:path';
import { benchPlan } from './bench-plan';
import { loadBenchQueries } from './bench-query';
import { withHiveQuestions } from './hive-questions';
import type { BenchResults } from './bench-results';
import { runDataset } from './run-dataset';
import { evaluateTargets } from './targets';
import { writeReports } from './write-reports';
import { subjectsOf } from './subjects';

const BENCH_DIR = path.resolve(__dirname, '..');
const ROOT = path.resolve(BENCH_DIR, '..');
const DIST_DIR = path.join(BENCH_DIR, 'dist');

async function main(): Promise<void> {
  const plan = benchPlan(process.argv.slice(2));
  const queries = withHiveQuestions(loadBenchQueries(path.join(BENCH_DIR, 'queries')));
  const started = Date.now();
  const subjects = subjectsOf(ROOT, DIST_DIR);
  const results: BenchResults = {
    startedAt: new Date(started).toISOString(),
    finishedAt: '',
    durationSeconds: 0,
    plan,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    subjects: subjects.list.map(({ id, label }) => ({ id, label })),
    conditions: [],
    calls: [],
    answers: [],
    latency: [],
    throughput: [],
    memory: [],
    targets: [],
    notes: [],
  };
  for (const { dataset, size } of plan.datasets) {
    console.log(`\n== ${dataset} data: ${size} organizations per provider`);
    await runDataset({ dataset, size, plan, queries, subjects, distDir: DIST_DIR, results });
  }
  results.finishedAt = new Date().toISOString();
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  results.targets = evaluateTargets(results, queries);
  writeReports(results, BENCH_DIR);
  const missed = results.targets.filter((t) => !t.met);
  console.log(
    `\n${results.targets.length - missed.length} of ${results.targets.length} targets met`,
  );
  for (const target of missed) console.log(`  missed: ${target.target} (${target.measured})`);
  const wrong = results.answers.filter((a) => !a.equal);
  if (wrong.length > 0) {
    for (const a of wrong)
      console.error(`answer differs: ${a.subject} on ${a.query} (${a.dataset}): ${a.detail}`);
    process.exitCode = 1;
  }
  console.log(
    `wrote bench/RESULTS.md, bench/results.json and bench/charts/ in ${results.durationSeconds} s`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
