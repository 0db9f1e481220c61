/**
 * What a provider's rate-limit headers said about its current window, in absolute time. Each provider
 * reads its own headers into this (Auth0's reset is an epoch, Datadog's a count of seconds).
 */
export interface ObservedRateWindow {
  limit: number;
  remaining: number;
  /** Epoch ms when the provider's window resets. */
  resetAt: number;
  /** Window length, when the provider says it (Datadog's X-RateLimit-Period). */
  periodMs?: number;
}

/** One credential's budget at one provider, as every replica sees it. */
export interface RateWindowState {
  /** -1: not learned yet (one probe call at a time); 0: the provider announces no limit. */
  limit: number;
  remaining: number;
  resetAt: number;
  periodMs: number;
  /** Until when a probe call holds the right to learn the limit. */
  probeUntil: number;
}

export type RateTake = { granted: true } | { granted: false; waitMs: number };

/** How long a probe may take before another call may probe instead. */
export const PROBE_LEASE_MS = 2_000;
/** A window is treated as reset this long after the provider's reset time, for clock and rounding. */
export const RESET_MARGIN_MS = 25;
/** When a window rolls over before any response told its length. */
export const GUESSED_PERIOD_MS = 1_000;
/** How long a learned state is kept without use: a provider's limits can change. */
export const STATE_TTL_MS = 10 * 60_000;
/** A provider that sent no limit headers is asked again after this long. */
export const NO_LIMIT_TTL_MS = 60_000;

export function unknownWindow(): RateWindowState {
  return { limit: -1, remaining: 0, resetAt: 0, periodMs: 0, probeUntil: 0 };
}

/**
 * Takes one call from a window (the memory store runs this; the Redis store runs the same steps in Lua).
 * `scale` shrinks the limit (a replica's share of the budget while Redis is unreachable).
 */
export function takeFromWindow(state: RateWindowState, now: number, scale = 1): RateTake {
  if (state.limit < 0) {
    if (state.probeUntil > now)
      return { granted: false, waitMs: Math.min(50, state.probeUntil - now) };
    state.probeUntil = now + PROBE_LEASE_MS;
    return { granted: true };
  }
  if (state.limit === 0) {
    // No limit announced: calls are free, except while a 429's wait lasts.
    if (now < state.resetAt) return { granted: false, waitMs: state.resetAt - now };
    return { granted: true };
  }
  const limit = Math.max(1, Math.floor(state.limit * scale));
  if (now >= state.resetAt + RESET_MARGIN_MS) {
    // The provider's window has reset: a full window, whose real reset the next answers will tell.
    state.remaining = limit;
    state.resetAt = now + (state.periodMs || GUESSED_PERIOD_MS);
  }
  state.remaining = Math.min(state.remaining, limit);
  if (state.remaining > 0) {
    state.remaining -= 1;
    return { granted: true };
  }
  return { granted: false, waitMs: Math.max(1, state.resetAt + RESET_MARGIN_MS - now) };
}

/**
 * Folds a response's headers into the window. Only ever lowers what remains and only ever moves the
 * reset later: answers arrive out of order, and calls granted but not yet counted by the provider must
 * not be granted twice. `limitedUntil` is set after a 429: nothing more until then.
 */
export function observeWindow(
  state: RateWindowState,
  now: number,
  observed: ObservedRateWindow | undefined,
  limitedUntil?: number,
): void {
  if (observed) {
    const learning = state.limit <= 0;
    state.limit = Math.max(1, observed.limit);
    if (observed.periodMs) state.periodMs = observed.periodMs;
    if (learning) {
      state.remaining = observed.remaining;
      state.resetAt = observed.resetAt;
    } else if (observed.resetAt > now) {
      state.remaining = Math.min(state.remaining, observed.remaining);
      state.resetAt = Math.max(state.resetAt, observed.resetAt);
    }
  } else if (state.limit < 0 && limitedUntil === undefined) {
    state.limit = 0;
  }
  if (limitedUntil !== undefined) {
    // A provider that announces no limit stays without one: held until the 429's wait is over, then
    // free. Inventing a limit here would pace every later call to it for as long as traffic lasts.
    if (state.limit < 0) state.limit = 0;
    state.remaining = 0;
    state.resetAt = Math.max(state.resetAt, limitedUntil);
  }
  state.probeUntil = 0;
}
