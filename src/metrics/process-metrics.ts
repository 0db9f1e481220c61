import { collectDefaultMetrics, Registry } from 'prom-client';

let registry: Registry | undefined;

/**
 * Node's default metrics (CPU, memory, event loop lag, GC, handles), under their usual names. They
 * describe the process, not a server, so they are collected once per process, on the first call:
 * servers started side by side in one process (tests) share them instead of each adding collectors.
 */
export function processMetrics(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
