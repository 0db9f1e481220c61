import { diag, DiagConsoleLogger, DiagLogLevel } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { ORGRAPH_VERSION } from '../correlation/orgraph-version';
import type { TracingSettings } from './tracing-settings';
import { traceContextPropagator } from './w3c-trace-context';

/**
 * Makes orgraph's spans real: a tracer provider with these processors, registered globally with the
 * W3C Trace Context propagator. `service.name` is orgraph unless OTEL_SERVICE_NAME (or
 * OTEL_RESOURCE_ATTRIBUTES) says otherwise. Tests register an in-memory exporter through it.
 */
export function registerTracing(spanProcessors: SpanProcessor[]): NodeTracerProvider {
  const resource = defaultResource()
    .merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: 'orgraph',
        [ATTR_SERVICE_VERSION]: ORGRAPH_VERSION,
      }),
    )
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors });
  provider.register({ propagator: traceContextPropagator });
  return provider;
}

/** Tracing as the settings ask: OTLP spans in batches, console spans one by one. */
export function startTracing(settings: TracingSettings): NodeTracerProvider {
  // The SDK is silent otherwise: spans that cannot be exported would be lost without a word.
  diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.WARN);
  return registerTracing(
    settings.exporters.map((kind) =>
      kind === 'console'
        ? new SimpleSpanProcessor(new ConsoleSpanExporter())
        : new BatchSpanProcessor(
            settings.protocol === 'http/json' ? new OtlpJsonExporter() : new OtlpProtobufExporter(),
          ),
    ),
  );
}
