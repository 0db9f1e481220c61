/** One request as an emulator saw it. */
export interface RecordedRequest {
  /** `METHOD /route/pattern`, e.g. `GET /api/v2/organizations/:id/connections`. */
  route: string;
  method: string;
  /** Path and query string as sent. */
  url: string;
  status: number;
  /**
   * The tenant the request was for: whose credentials it carried, or whose client a token grant or login
   * named. Absent when it named no tenant (no or bad credentials, unknown paths).
   */
  tenant?: string;
  /** The correlation headers it carried (`x-request-id`, `traceparent`, `user-agent`), as sent. */
  correlation?: { requestId?: string; traceparent?: string; userAgent?: string };
}

/**
 * Counts requests per endpoint and per tenant. Tests assert exact upstream call counts from it, the way DataLoader's own
 * tests keep a list of load calls.
 */
export class RequestCounter {
  private readonly recorded: RecordedRequest[] = [];
  private readonly inFlight = new Map<string, number>();
  private readonly peaks = new Map<string, number>();

  /**
   * A request to `route` is being answered, its latency included; `leave` when it is sent. Tests assert
   * "these calls ran at once" from the peak, not from a stopwatch that a busy machine can fool.
   */
  enter(route: string): void {
    const now = (this.inFlight.get(route) ?? 0) + 1;
    this.inFlight.set(route, now);
    this.peaks.set(route, Math.max(this.peaks.get(route) ?? 0, now));
  }

  leave(route: string): void {
    this.inFlight.set(route, (this.inFlight.get(route) ?? 1) - 1);
  }

  /** The most requests to `route` that were being answered at the same time since the last reset. */
  peakInFlight(route: string): number {
    return this.peaks.get(route) ?? 0;
  }

  record(request: RecordedRequest): void {
    this.recorded.push(request);
  }

  /** Requests to one route, or to all routes when none is named. */
  count(route?: string): number {
    return route === undefined
      ? this.recorded.length
      : this.recorded.filter((r) => r.route === route).length;
  }

  /** Requests for one tenant, to one route or to all: "no upstream call for tenant B" is a 0 here. */
  countForTenant(tenant: string, route?: string): number {
    return this.recorded.filter(
      (r) => r.tenant === tenant && (route === undefined || r.route === route),
    ).length;
  }

  /** Counts per tenant, for the ones that were called. */
  byTenant(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.recorded) {
      if (r.tenant !== undefined) counts[r.tenant] = (counts[r.tenant] ?? 0) + 1;
    }
    return counts;
  }

  /** Counts per route, for the ones that were called. */
  byRoute(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.recorded) counts[r.route] = (counts[r.route] ?? 0) + 1;
    return counts;
  }

  requests(): readonly RecordedRequest[] {
    return [...this.recorded];
  }

  reset(): void {
    this.recorded.length = 0;
    this.peaks.clear();
  }
}
