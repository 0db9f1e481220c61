import { ConfigError } from '../config/config-error';
import { startTracing } from './start-tracing';
import { tracingSettings } from './tracing-settings';

/*
 * Imported first by main.ts: starts tracing when the OTEL_* variables ask for it (see
 * tracingSettings), before the server exists. Nothing happens otherwise; tracing is off by default.
 */
try {
  const settings = tracingSettings(process.env);
  if (settings) startTracing(settings);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`orgraph: invalid configuration: ${error.message}`);
  process.exit(1);
}
