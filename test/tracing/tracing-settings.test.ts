import { ConfigError } from '../../src/config/config-error';
import { tracingSettings } from '../../src/tracing/tracing-settings';

describe('tracing settings from OTEL_* variables', () => {
  it('are off by default, and with OTEL_TRACES_EXPORTER=none', () => {
    expect(tracingSettings({})).toBeUndefined();
    expect(tracingSettings({ OTEL_SERVICE_NAME: 'orgraph-eu' })).toBeUndefined();
    expect(
      tracingSettings({
        OTEL_TRACES_EXPORTER: 'none',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      }),
    ).toBeUndefined();
  });

  it('are on with an exporter or an OTLP endpoint, protobuf unless JSON is asked for', () => {
    expect(tracingSettings({ OTEL_TRACES_EXPORTER: 'otlp' })).toEqual({
      exporters: ['otlp'],
      protocol: 'http/protobuf',
    });
    expect(tracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({
      exporters: ['otlp'],
      protocol: 'http/protobuf',
    });
    expect(
      tracingSettings({
        OTEL_TRACES_EXPORTER: 'console, OTLP',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      }),
    ).toEqual({ exporters: ['console', 'otlp'], protocol: 'http/json' });
  });

  it('are off with OTEL_SDK_DISABLED=true, whatever else is set', () => {
    expect(
      tracingSettings({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }),
    ).toBeUndefined();
    expect(tracingSettings({ OTEL_SDK_DISABLED: 'false', OTEL_TRACES_EXPORTER: 'otlp' })).toEqual(
      expect.objectContaining({ exporters: ['otlp'] }),
    );
  });

  it('refuse what is not built in, naming the variable and never the value', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ OTEL_TRACES_EXPORTER: 'zipkin-secret-1' }, 'OTEL_TRACES_EXPORTER'],
      [
        { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc-secret-1' },
        'OTEL_EXPORTER_OTLP_PROTOCOL',
      ],
      [
        { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector-secret-1:4318' },
        'OTEL_EXPORTER_OTLP_ENDPOINT',
      ],
      [{ OTEL_SDK_DISABLED: 'maybe-secret-1' }, 'OTEL_SDK_DISABLED'],
    ];
    for (const [env, variable] of cases) {
      let error: unknown;
      try {
        tracingSettings(env);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as ConfigError).message).not.toContain('secret-1');
    }
  });
});
