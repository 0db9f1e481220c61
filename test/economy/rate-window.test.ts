import pino from 'pino';
import {
  observeWindow,
  takeFromWindow,
  unknownWindow,
  type ObservedRateWindow,
  type RateTake,
  type RateWindowState,
} from '../../src/shared-store/rate-window';
import { RedisSharedStore } from '../../src/shared-store/redis-shared-store';
import { startRedisServer, type RedisServer } from '../support/redis-server';

/**
 * The rate window algorithm, step by step, and the proof that its two implementations agree: the
 * memory store runs rate-window.ts, every replica sharing Redis runs the Lua port of it. Each scenario
 * is a sequence of takes and observations at given instants; the JS functions must give the expected
 * results, and a real redis-server running the scripts must give the same results and end in the same
 * state.
 */

/** A fixed instant, so every result is exact. */
const T = 1_700_000_000_000;

type Step =
  | { take: number; scale?: number; expect: RateTake }
  | { observe: number; window?: ObservedRateWindow; limitedUntil?: number };

interface Scenario {
  name: string;
  steps: Step[];
  /** The state after the last step. */
  end: RateWindowState;
}

const granted: RateTake = { granted: true };
const wait = (waitMs: number): RateTake => ({ granted: false, waitMs });
const takes = (count: number, at: number, expect: RateTake, scale?: number): Step[] =>
  Array.from({ length: count }, () => ({ take: at, expect, ...(scale ? { scale } : {}) }));

const scenarios: Scenario[] = [
  {
    name: 'probes one call at a time while the limit is unknown, then learns there is none',
    steps: [
      { take: T, expect: granted },
      // The probe holds a lease: the others poll (at most every 50 ms) until it answers or expires.
      { take: T + 10, expect: wait(50) },
      { take: T + 1_990, expect: wait(10) },
      // A probe that never answered loses its lease: another call may probe.
      { take: T + 2_000, expect: granted },
      // An answer without rate-limit headers: the provider announces no limit.
      { observe: T + 2_100 },
      ...takes(3, T + 2_101, granted),
    ],
    end: { limit: 0, remaining: 0, resetAt: 0, periodMs: 0, probeUntil: 0 },
  },
  {
    name: "learns the window from the probe's headers",
    steps: [
      { take: T, expect: granted },
      { take: T + 1, expect: wait(50) },
      { observe: T + 100, window: { limit: 3, remaining: 2, resetAt: T + 1_000 } },
      ...takes(2, T + 101, granted),
      // Empty until the reset, plus the 25 ms margin for clocks and rounding.
      { take: T + 102, expect: wait(1_000 + 25 - 102) },
    ],
    end: { limit: 3, remaining: 0, resetAt: T + 1_000, periodMs: 0, probeUntil: 0 },
  },
  {
    name: 'never raises what remains within a window (answers arrive out of order)',
    steps: [
      { observe: T, window: { limit: 10, remaining: 5, resetAt: T + 1_000 } },
      // An older answer, overtaken: it says more remained, which no longer holds.
      { observe: T + 10, window: { limit: 10, remaining: 8, resetAt: T + 1_000 } },
      { observe: T + 20, window: { limit: 10, remaining: 3, resetAt: T + 1_000 } },
      ...takes(3, T + 30, granted),
      { take: T + 30, expect: wait(995) },
    ],
    end: { limit: 10, remaining: 0, resetAt: T + 1_000, periodMs: 0, probeUntil: 0 },
  },
  {
    name: 'moves the reset only later, and ignores an answer about a window already over',
    steps: [
      { observe: T, window: { limit: 2, remaining: 2, resetAt: T + 1_000 } },
      { observe: T + 10, window: { limit: 2, remaining: 2, resetAt: T + 500 } },
      { observe: T + 20, window: { limit: 2, remaining: 2, resetAt: T + 1_500 } },
      // Its reset is past: it tells nothing about the current window (remaining stays 2).
      { observe: T + 30, window: { limit: 2, remaining: 0, resetAt: T + 10 } },
      ...takes(2, T + 40, granted),
      { take: T + 50, expect: wait(1_500 + 25 - 50) },
    ],
    end: { limit: 2, remaining: 0, resetAt: T + 1_500, periodMs: 0, probeUntil: 0 },
  },
  {
    name: 'a 429 holds every call until its reset, then the window is full again',
    steps: [
      { observe: T, window: { limit: 10, remaining: 9, resetAt: T + 1_000, periodMs: 1_000 } },
      {
        observe: T + 10,
        window: { limit: 10, remaining: 5, resetAt: T + 1_000, periodMs: 1_000 },
        limitedUntil: T + 3_000,
      },
      { take: T + 1_500, expect: wait(3_000 + 25 - 1_500) },
      { take: T + 3_024, expect: wait(1) },
      // Rolled over: a full window of 10 (this call takes one), as long as the announced period.
      { take: T + 3_025, expect: granted },
    ],
    end: { limit: 10, remaining: 9, resetAt: T + 3_025 + 1_000, periodMs: 1_000, probeUntil: 0 },
  },
  {
    name: 'a 429 from a provider that announces no limit holds calls until its wait is over, then frees them',
    steps: [
      { take: T, expect: granted },
      { observe: T + 50, limitedUntil: T + 2_000 },
      { take: T + 100, expect: wait(2_000 - 100) },
      // An answer without headers during the wait (a call sent before the 429) does not end it.
      { observe: T + 150 },
      { take: T + 1_999, expect: wait(1) },
      // No limit is invented: after the wait, calls are free again.
      ...takes(5, T + 2_000, granted),
    ],
    end: { limit: 0, remaining: 0, resetAt: T + 2_000, periodMs: 0, probeUntil: 0 },
  },
  {
    name: 'rollover gives a full window of the learned limit, for the announced period',
    steps: [
      { observe: T, window: { limit: 3, remaining: 0, resetAt: T + 1_000, periodMs: 5_000 } },
      { take: T + 500, expect: wait(525) },
      ...takes(3, T + 1_025, granted),
      { take: T + 1_028, expect: wait(1_025 + 5_000 + 25 - 1_028) },
    ],
    end: { limit: 3, remaining: 0, resetAt: T + 6_025, periodMs: 5_000, probeUntil: 0 },
  },
  {
    name: "a scaled take is a replica's share of the window",
    steps: [
      { observe: T, window: { limit: 10, remaining: 10, resetAt: T + 1_000 } },
      ...takes(5, T + 1, granted, 0.5),
      { take: T + 2, scale: 0.5, expect: wait(1_023) },
      // A new window at a quarter: floor(2.5) = 2 calls.
      ...takes(2, T + 1_025, granted, 0.25),
      { take: T + 1_026, scale: 0.25, expect: wait(1_025 + 1_000 + 25 - 1_026) },
    ],
    end: { limit: 10, remaining: 0, resetAt: T + 2_025, periodMs: 0, probeUntil: 0 },
  },
  {
    name: 'a share never rounds down to nothing, and a larger share later does not refill the window',
    steps: [
      { observe: T, window: { limit: 10, remaining: 10, resetAt: T + 1_000 } },
      { take: T + 1, scale: 0.01, expect: granted },
      { take: T + 2, scale: 0.01, expect: wait(1_023) },
      { take: T + 3, expect: wait(1_022) },
    ],
    end: { limit: 10, remaining: 0, resetAt: T + 1_000, periodMs: 0, probeUntil: 0 },
  },
];

/** Runs steps against one implementation; returns every take's result. */
async function run(
  steps: Step[],
  impl: {
    take(now: number, scale: number | undefined): Promise<RateTake>;
    observe(now: number, window?: ObservedRateWindow, limitedUntil?: number): Promise<void>;
  },
): Promise<RateTake[]> {
  const results: RateTake[] = [];
  for (const step of steps) {
    if ('take' in step) results.push(await impl.take(step.take, step.scale));
    else await impl.observe(step.observe, step.window, step.limitedUntil);
  }
  return results;
}

function inJs(steps: Step[]): Promise<{ results: RateTake[]; state: RateWindowState }> {
  const state = unknownWindow();
  return run(steps, {
    take: (now, scale) => Promise.resolve(takeFromWindow(state, now, scale)),
    observe: (now, window, limitedUntil) =>
      Promise.resolve(observeWindow(state, now, window, limitedUntil)),
  }).then((results) => ({ results, state }));
}

const expected = (steps: Step[]) => steps.flatMap((s) => ('take' in s ? [s.expect] : []));

describe('the rate window (rate-window.ts)', () => {
  it.each(scenarios)('$name', async ({ steps, end }) => {
    const { results, state } = await inJs(steps);
    expect(results).toEqual(expected(steps));
    expect(state).toEqual(end);
  });
});

describe('the rate window in Redis (rate-window.lua.ts) agrees with rate-window.ts', () => {
  const PREFIX = 'rw-test';
  let redis: RedisServer;
  let store: RedisSharedStore;
  let keys = 0;

  beforeAll(async () => {
    redis = await startRedisServer();
    store = new RedisSharedStore({
      url: redis.url,
      prefix: PREFIX,
      commandTimeoutMs: 2_000,
      logger: pino({ level: 'silent' }),
    });
    expect(await store.ready(5_000)).toBe(true);
  });
  afterAll(async () => {
    await store?.close();
    await redis?.stop();
  });

  /** Runs the steps through the Lua scripts under a fresh key; returns results and stored state. */
  async function inRedis(steps: Step[]): Promise<{ results: RateTake[]; state: RateWindowState }> {
    const key = `rate:scenario-${(keys += 1)}`;
    const results = await run(steps, {
      take: (now, scale) => store.takeRate(key, now, scale),
      observe: (now, window, limitedUntil) => store.observeRate(key, now, window, limitedUntil),
    });
    const fields = (await redis.command('HGETALL', `${PREFIX}:v1:${key}`)) as string[];
    const hash = new Map<string, string>();
    for (let i = 0; i < fields.length; i += 2) hash.set(fields[i], fields[i + 1]);
    const state: RateWindowState = {
      limit: Number(hash.get('l')),
      remaining: Number(hash.get('r')),
      resetAt: Number(hash.get('t')),
      periodMs: Number(hash.get('p')),
      probeUntil: Number(hash.get('q')),
    };
    return { results, state };
  }

  it.each(scenarios)('$name', async ({ steps, end }) => {
    const js = await inJs(steps);
    const lua = await inRedis(steps);
    expect(lua.results).toEqual(js.results);
    expect(lua.state).toEqual(js.state);
    expect(lua.state).toEqual(end);
  });

  it('gives the same results as rate-window.ts over 2,000 random steps', async () => {
    // A seeded generator (mulberry32): the same sequence every run, so a failure can be replayed.
    let seed = 20_240_601;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
      return ((r ^ (r >>> 14)) >>> 0) / 4_294_967_296;
    };
    const int = (below: number) => Math.floor(random() * below);
    // A provider with fixed one-second windows, as the emulators have: answers tell the current
    // window's end; some arrive late and tell the previous one; some are 429s until the window's end.
    const windowEnd = (at: number) => Math.ceil((at + 1) / 1_000) * 1_000;
    const steps: Step[] = [];
    let now = T;
    for (let i = 0; i < 2_000; i++) {
      now += int(60);
      const roll = random();
      const late = random() < 0.15 ? 1_000 : 0;
      if (roll < 0.65) {
        const scale = [undefined, undefined, 1, 0.5, 1 / 3][int(5)];
        // `expect` is not checked here: the two implementations are checked against each other.
        steps.push({ take: now, ...(scale ? { scale } : {}), expect: granted });
      } else if (roll < 0.93) {
        const limit = 8 + int(3);
        steps.push({
          observe: now,
          window: {
            limit,
            remaining: Math.max(0, limit - int(6)),
            resetAt: windowEnd(now) - late,
            ...(random() < 0.5 ? { periodMs: 1_000 } : {}),
          },
        });
      } else if (roll < 0.98) {
        steps.push({ observe: now, limitedUntil: windowEnd(now) - late });
      } else {
        steps.push({ observe: now });
      }
    }
    const js = await inJs(steps);
    const lua = await inRedis(steps);
    // Every step, not just the last: the first divergence is the one to read.
    expect(lua.results).toEqual(js.results);
    expect(lua.state).toEqual(js.state);
    // The sequence exercised both answers.
    expect(js.results.filter((r) => r.granted).length).toBeGreaterThan(50);
    expect(js.results.filter((r) => !r.granted).length).toBeGreaterThan(50);
  });
});
