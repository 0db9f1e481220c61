import { ProxyTracerProvider, trace } from '@opentelemetry/api';

/** The longest a shutdown waits for the last spans to leave. */
const FLUSH_TIMEOUT_MS = 5_000;

/**
 * Sends the spans still waiting in a batch (a server stopping), within a bound: a collector that is
 * down must not hold a shutdown. Never fails; nothing to do while tracing is off.
 */
export async function flushTracing(): Promise<void> {
  const global = trace.getTracerProvider();
  const provider = global instanceof ProxyTracerProvider ? global.getDelegate() : global;
  if (!canFlush(provider)) return;
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, FLUSH_TIMEOUT_MS);
    timer.unref();
  });
  const flushed = Promise.resolve(provider.forceFlush()).catch(() => undefined);
  await Promise.race([flushed, bound]);
  clearTimeout(timer);
}

/** The SDK's provider flushes; the API's no-op provider (tracing off) has nothing to flush. */
function canFlush(provider: object): provider is { forceFlush(): Promise<void> } {
  return 'forceFlush' in provider && typeof provider.forceFlush === 'function';
}
