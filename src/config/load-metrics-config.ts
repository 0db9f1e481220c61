import type { MetricsConfig } from './config.type';
import { boolean, type Env } from './env-values';

/** `ORGRAPH_METRICS`: serve `GET /metrics` (on by default; `false` turns the endpoint off). */
export function loadMetricsConfig(env: Env): MetricsConfig {
  return { enabled: boolean(env, 'ORGRAPH_METRICS', true) };
}
