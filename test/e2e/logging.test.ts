import { Writable } from 'node:stream';
import { createLogger } from '../../src/server/logger';
import { startTestStack, type TestStack } from '../support/test-stack';

describe('logs', () => {
  let stack: TestStack;
  const lines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    stack = await startTestStack({ logger: createLogger('debug', sink) });
  });
  afterAll(() => stack.stop());

  it('redact credentials wherever a log call would carry them', () => {
    const logger = createLogger('info', {
      write: (line: string) => void lines.push(line.trim()),
    });
    logger.info({
      req: { headers: { authorization: 'Bearer redact-me-too', 'x-crux-token': 'redact-me-too' } },
      provider: { token: 'redact-me-too', apiKey: 'redact-me-too', clientSecret: 'redact-me-too' },
    });
    const last = JSON.parse(lines[lines.length - 1]) as {
      req: { headers: Record<string, string> };
      provider: Record<string, string>;
    };
    expect(last.req.headers).toEqual({ authorization: '[redacted]', 'x-crux-token': '[redacted]' });
    expect(last.provider).toEqual({
      token: '[redacted]',
      apiKey: '[redacted]',
      clientSecret: '[redacted]',
    });
  });

  it('have one line per request with the operation, duration and error codes, and no secret', async () => {
    stack.emulators.datadog.setKnobs({ faults: [{ status: 503 }] });
    await stack.query(
      'query Everything { organizations(limit: 500) { totalCount } }',
      {},
      { 'x-crux-token': 'callers-own-crux-token' },
    );
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const request = entries.find((e) => e.msg === 'graphql request')!;
    expect(request).toMatchObject({ operation: 'Everything', hasData: true });
    expect(request.errors).toEqual(expect.arrayContaining(['UPSTREAM_UNAVAILABLE']));
    expect(typeof request.durationMs).toBe('number');

    const all = lines.join('\n');
    const { crux, auth0, datadog } = stack.emulators;
    for (const secret of [
      'redact-me-too',
      'callers-own-crux-token',
      crux.credentials.token,
      auth0.credentials.clientSecret,
      datadog.credentials.apiKey,
      datadog.credentials.appKey,
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
