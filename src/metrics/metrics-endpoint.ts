import type { RequestHandler } from 'express';
import { Registry } from 'prom-client';
import type { OrgraphMetrics } from './orgraph-metrics';
import { processMetrics } from './process-metrics';

/** `GET /metrics`: the process's metrics and this server's, in Prometheus' text format. */
export function metricsEndpoint(metrics: OrgraphMetrics): RequestHandler {
  const registry = Registry.merge([processMetrics(), metrics.registry]);
  return async (_req, res, next) => {
    try {
      const text = await registry.metrics();
      res.set('content-type', registry.contentType).set('cache-control', 'no-store').send(text);
    } catch (error) {
      next(error);
    }
  };
}
