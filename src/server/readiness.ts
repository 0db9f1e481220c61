import type { RequestHandler } from 'express';
import type { SharedStore } from '../shared-store/shared-store';

/**
 * `GET /readyz`: whether this replica should get traffic. Ready once started (the configuration was
 * valid, or it would not have started) and while its shared store answers (Redis, when configured);
 * not ready while draining. A provider outage does not make it unready: partial results are normal
 * service, and pulling every replica would turn one provider's outage into a total one. Provider health
 * is in the metrics and the `providers` query. `/healthz` stays the liveness check.
 */
export class Readiness {
  private draining = false;

  constructor(private readonly store: SharedStore) {}

  /** From now on, not ready: the server is stopping. */
  drain(): void {
    this.draining = true;
  }

  handler(): RequestHandler {
    return (_req, res, next) => {
      this.check()
        .then(({ ready, checks }) => {
          res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
        })
        .catch(next);
    };
  }

  private async check(): Promise<{ ready: boolean; checks: Record<string, string> }> {
    if (this.draining) return { ready: false, checks: { server: 'draining' } };
    const storeUp = await this.store.ping();
    return {
      ready: storeUp,
      checks: { server: 'started', [`${this.store.kind} store`]: storeUp ? 'ok' : 'unreachable' },
    };
  }
}
