import { ConfigError } from '../config/config-error';
import { tracingSettings } from './tracing-settings';

/**
 * Called first by main.ts: starts tracing when the OTEL_* variables ask for it (see
 * tracingSettings), before the server exists. Nothing happens otherwise, tracing being off by
 * default, and the OpenTelemetry SDK and its exporters are not even loaded: some 20 MB of resident
 * memory that a process without tracing has no use for.
 */
export async function startTracingFromEnv(): Promise<void> {
  let settings;
  try {
    settings = tracingSettings(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`orgraph: invalid configuration: ${error.message}`);
    process.exit(1);
  }
  if (!settings) return;
  const { startTracing } = await import('./start-tracing');
  startTracing(settings);
}
