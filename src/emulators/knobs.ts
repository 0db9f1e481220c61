/** Faults an emulator can be told to inject, so tests and benchmarks can exercise failure paths. */
export interface Fault {
  /** `METHOD /route/pattern` as the request counter names it (e.g. `GET /api/v2/org_connections`); all routes when absent. */
  route?: string;
  /** Only requests to this exact path (e.g. one organization's members); any path when absent. */
  path?: string;
  /** Answer with this status and the provider's own error body. */
  status?: number;
  /** Never answer: the connection stays open until the client gives up or the emulator stops. */
  timeout?: boolean;
  /** `truncated`: invalid JSON; `shape`: valid JSON that breaks the contract. */
  malformed?: 'truncated' | 'shape';
  /** How many requests this fault applies to before it is used up; unlimited when absent. */
  times?: number;
  /**
   * Chance (0 to 1) that a matching request gets this fault, drawn per request from a seeded source that
   * restarts with each new list of faults (same faults, same requests, same answers); always when absent.
   * A request it spares goes on to the next matching fault, or is served, and does not count in `times`.
   */
  probability?: number;
  /** Message for the error body. */
  message?: string;
}

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  /** Window length in seconds. */
  periodSeconds: number;
}

export interface Knobs {
  /** Added to every response, in milliseconds. */
  latencyMs: number;
  /** A fixed-window limit across all routes, counted per tenant; no limit when null. */
  rateLimit: RateLimit | null;
  faults: Fault[];
}

export function defaultKnobs(): Knobs {
  return { latencyMs: 0, rateLimit: null, faults: [] };
}
