import { ConfigError } from '../config/config-error';
import { anySet, boolean, url, type Env } from '../config/env-values';

export type SpanExporterKind = 'otlp' | 'console';

/** How OTLP spans are sent: protobuf (the OpenTelemetry default) or JSON, over HTTP. */
export type OtlpProtocol = 'http/protobuf' | 'http/json';

export interface TracingSettings {
  exporters: SpanExporterKind[];
  protocol: OtlpProtocol;
}

const ENDPOINTS = ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_ENDPOINT'];

/**
 * Tracing from the standard OpenTelemetry variables, off unless asked for: `OTEL_TRACES_EXPORTER`
 * (otlp, console, none; a comma-separated list), or an OTLP endpoint alone. `OTEL_SDK_DISABLED=true`
 * turns it off whatever else is set. The OTLP exporter reads its endpoint, headers and timeout itself,
 * and the SDK its sampler and batch settings (`OTEL_TRACES_SAMPLER`, `OTEL_BSP_*`).
 */
export function tracingSettings(env: Env): TracingSettings | undefined {
  if (boolean(env, 'OTEL_SDK_DISABLED', false)) return undefined;
  const exporters = spanExporters(env);
  if (exporters.length === 0) return undefined;
  for (const name of ENDPOINTS) if (anySet(env, [name])) url(env, name);
  return { exporters, protocol: otlpProtocol(env) };
}

function spanExporters(env: Env): SpanExporterKind[] {
  const raw = env.OTEL_TRACES_EXPORTER?.trim();
  if (!raw) return anySet(env, ENDPOINTS) ? ['otlp'] : [];
  const names = raw.split(',').map((name) => name.trim().toLowerCase());
  if (names.includes('none')) return [];
  const unknown = names.some((name) => name !== 'otlp' && name !== 'console');
  if (unknown) {
    throw new ConfigError(
      'OTEL_TRACES_EXPORTER',
      'must be otlp, console or none (or a list of them)',
    );
  }
  return [...new Set(names)] as SpanExporterKind[];
}

function otlpProtocol(env: Env): OtlpProtocol {
  for (const name of ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL']) {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) continue;
    if (raw === 'http/protobuf' || raw === 'http/json') return raw;
    throw new ConfigError(name, 'must be http/protobuf or http/json (grpc is not built in)');
  }
  return 'http/protobuf';
}
