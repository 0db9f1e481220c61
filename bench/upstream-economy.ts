/**
 * `npm run bench:economy`: a repeated workload (the five GraphiQL examples, 20 rounds, 4 callers at
 * once) against the emulators with 20 ms of upstream latency, with the cache off, in memory and in
 * Redis. Prints upstream calls and latency per setting. Not part of `npm test`.
 */
import 'reflect-metadata';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../src/config/load-config';
import type { Config } from '../src/config/config.type';
import { startEmulators } from '../src/emulators/start-emulators';
import { loadGraphiQLExamples } from '../src/graphiql/graphiql-examples';
import { startServer } from '../src/server/start-server';
import { startRedisServer } from '../test/support/redis-server';

const ROUNDS = 20;
const CALLERS = 4;
const LATENCY_MS = 20;

async function run(label: string, configure: (config: Config) => Config): Promise<void> {
  const emulators = await startEmulators();
  const all = [emulators.crux, emulators.auth0, emulators.datadog];
  for (const emulator of all) emulator.setKnobs({ latencyMs: LATENCY_MS });
  const base: Config = {
    ...loadConfig({}),
    port: 0,
    demo: true,
    graphiql: false,
    providers: emulators.providers,
  };
  const server = await startServer(configure(base), pino({ level: 'silent' }));
  const examples = loadGraphiQLExamples(path.join(__dirname, '..', 'src', 'graphiql', 'examples'));
  const latencies: number[] = [];
  let errors = 0;
  const started = Date.now();
  for (let round = 0; round < ROUNDS; round += 1) {
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        for (const example of examples) {
          const t = performance.now();
          const response = await fetch(server.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query: example.query,
              variables: example.variables ? (JSON.parse(example.variables) as unknown) : undefined,
            }),
          });
          const body = (await response.json()) as { errors?: unknown[] };
          latencies.push(performance.now() - t);
          if (body.errors?.length) errors += 1;
        }
      }),
    );
  }
  const elapsed = Date.now() - started;
  const calls = all.reduce((sum, e) => sum + e.counter.count(), 0);
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
  console.log(
    `${label.padEnd(16)} requests ${latencies.length}  upstream calls ${String(calls).padStart(5)}  ` +
      `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  max ${at(1)} ms  wall ${elapsed} ms  responses with errors ${errors}`,
  );
  await server.stop();
  await emulators.stop();
}

async function main(): Promise<void> {
  console.log(
    `workload: ${ROUNDS} rounds x ${CALLERS} callers x the GraphiQL examples; upstream latency ${LATENCY_MS} ms`,
  );
  await run('cache off', (c) => ({ ...c, cache: { ...c.cache, enabled: false } }));
  await run('cache in memory', (c) => c);
  const redis = await startRedisServer();
  try {
    await run('cache in Redis', (c) => ({
      ...c,
      store: { ...c.store, redisUrl: redis.url, secret: 'bench-secret-0123456789' },
    }));
  } finally {
    await redis.stop();
  }
}

void main();
