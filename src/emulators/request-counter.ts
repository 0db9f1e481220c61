/** One request as an emulator saw it. */
export interface RecordedRequest {
  /** `METHOD /route/pattern`, e.g. `GET /api/v2/organizations/:id/connections`. */
  route: string;
  method: string;
  /** Path and query string as sent. */
  url: string;
  status: number;
}

/**
 * Counts requests per endpoint. Tests assert exact upstream call counts from it, the way DataLoader's own
 * tests keep a list of load calls.
 */
export class RequestCounter {
  private readonly recorded: RecordedRequest[] = [];

  record(request: RecordedRequest): void {
    this.recorded.push(request);
  }

  /** Requests to one route, or to all routes when none is named. */
  count(route?: string): number {
    return route === undefined
      ? this.recorded.length
      : this.recorded.filter((r) => r.route === route).length;
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
  }
}
