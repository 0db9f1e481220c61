import { RedisReplyError, sendRedisCommand, startRedisServer } from '../support/redis-server';
import type { RedisServer } from '../support/redis-server';
import { acceptsConnections } from '../support/tcp-port';

/** Resolves 'no reply' when the promise has not settled within `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'no reply'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'no reply'>((resolve) => {
    timer = setTimeout(() => resolve('no reply'), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('startRedisServer', () => {
  let server: RedisServer | undefined;

  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('starts an empty server on a loopback port that stores and lists keys', async () => {
    server = await startRedisServer();

    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    expect(await server.command('KEYS', '*')).toEqual([]);
    expect(await server.command('SET', 'a', '1')).toBe('OK');
    expect(await server.command('GET', 'a')).toBe('1');
    expect(await server.command('GET', 'missing')).toBeNull();
    expect(await server.command('KEYS', '*')).toEqual(['a']);
    expect(await server.command('SCAN', '0', 'COUNT', '1000')).toEqual(['0', ['a']]);
    expect(await server.command('DBSIZE')).toBe(1);
    expect(await server.command('FLUSHALL')).toBe('OK');
    expect(await server.command('DBSIZE')).toBe(0);
  });

  it('rejects a command with an error reply', async () => {
    server = await startRedisServer();

    await expect(server.command('NOSUCHCOMMAND')).rejects.toThrow(RedisReplyError);
    await expect(server.command('NOSUCHCOMMAND')).rejects.toThrow(/unknown command/);
  });

  it('requires the password, which the url and command() carry', async () => {
    server = await startRedisServer({ password: 's3cr:t' });

    expect(server.url).toBe(`redis://:s3cr%3At@127.0.0.1:${server.port}`);
    await expect(sendRedisCommand({ port: server.port }, ['GET', 'a'])).rejects.toThrow(/^NOAUTH/);
    await expect(
      sendRedisCommand({ port: server.port, password: 'wrong' }, ['GET', 'a']),
    ).rejects.toThrow(/WRONGPASS/);
    expect(await server.command('SET', 'a', '1')).toBe('OK');
    expect(await server.command('GET', 'a')).toBe('1');
  });

  it('does not answer while paused and answers the same command after resume', async () => {
    server = await startRedisServer();
    await server.command('SET', 'a', '1');

    server.pause();
    const reply = server.command('GET', 'a');
    expect(await within(reply, 300)).toBe('no reply');

    server.resume();
    expect(await within(reply, 5000)).toBe('1');
  });

  it('stops, even when paused, and frees the port', async () => {
    server = await startRedisServer();
    const { port } = server;
    server.pause();

    await server.stop();

    expect(await acceptsConnections(port)).toBe(false);
    await expect(sendRedisCommand({ port, timeoutMs: 1000 }, ['PING'])).rejects.toThrow();
    await server.stop(); // A second stop is harmless.
  });

  it('starts independent servers side by side', async () => {
    const [first, second] = await Promise.all([startRedisServer(), startRedisServer()]);
    try {
      expect(first.port).not.toBe(second.port);
      await first.command('SET', 'only-in-first', '1');
      expect(await second.command('KEYS', '*')).toEqual([]);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});
