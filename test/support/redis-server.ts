import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real, throw-away `redis-server` for tests: its own loopback port, its own temp dir, nothing
 * persisted, killed when the test (or the jest worker) is done. `.ci/install-redis.sh` installs it.
 */

export interface RedisServerOptions {
  /** Sets `requirepass`; `url` and `command()` then carry it. */
  password?: string;
  /** How long to wait for the server to answer PING. */
  startTimeoutMs?: number;
}

export interface RedisServer {
  /** `redis://[:password@]127.0.0.1:port` */
  url: string;
  port: number;
  /** SIGSTOP: the port still accepts connections, but nothing answers (a hung Redis). */
  pause(): void;
  /** SIGCONT: commands sent while paused are answered now. */
  resume(): void;
  /** Kills the server, waits for it to exit and removes its temp dir. Safe when paused or stopped. */
  stop(): Promise<void>;
  /** Sends one command on a fresh connection (authenticated when there is a password). */
  command(...args: string[]): Promise<RedisReply>;
}

/** A RESP2 reply: simple/bulk string, integer, nil, array; an error nested in an array is a value. */
export type RedisReply = string | number | null | RedisReplyError | RedisReply[];

/** An error reply (`-ERR ...`, `-NOAUTH ...`); a top-level one rejects `command()`. */
export class RedisReplyError extends Error {
  override name = 'RedisReplyError';
}

export interface RedisTarget {
  port: number;
  password?: string;
  /** Rejects when no reply came in time; without it, waits until the connection closes. */
  timeoutMs?: number;
}

const HOST = '127.0.0.1';
const BIND_ATTEMPTS = 5;
const STOP_GRACE_MS = 5000;

/** Starts `redis-server` on a free loopback port and resolves once it answers PING. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const binary = findOnPath('redis-server');
  if (!binary) {
    throw new Error('redis-server is not on PATH: run `bash .ci/install-redis.sh` to install it');
  }
  const { password, startTimeoutMs = 10_000 } = options;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'orgraph-redis-'));

  // The free port is only free until redis binds it; another process (a parallel jest worker) can take
  // it in between, so a lost race is retried on a new port.
  let lastError: Error | undefined;
  for (let attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
    const port = await findFreePort();
    const launched = await launch(binary, { port, dir, password, startTimeoutMs });
    if ('server' in launched) return launched.server;
    lastError = launched.error;
    if (!launched.portTaken) break;
  }
  rmSync(dir, { recursive: true, force: true });
  throw lastError ?? new Error('redis-server did not start');
}

interface LaunchSettings {
  port: number;
  dir: string;
  password: string | undefined;
  startTimeoutMs: number;
}

type LaunchResult = { server: RedisServer } | { error: Error; portTaken: boolean };

async function launch(binary: string, settings: LaunchSettings): Promise<LaunchResult> {
  const { port, dir, password, startTimeoutMs } = settings;
  const args = ['--port', String(port), '--bind', HOST, '--dir', dir];
  args.push('--save', '', '--appendonly', 'no', '--daemonize', 'no');
  if (password !== undefined) args.push('--requirepass', password);

  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collectOutput(child);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  child.once('error', () => undefined); // A spawn failure also ends in 'exit'; the log tells why.
  // Unreferenced, a forgotten server does not keep the jest worker alive; the exit hook then kills it.
  child.unref();
  track(child, dir);

  const failure = (why: string, portTaken: boolean): LaunchResult => {
    child.kill('SIGKILL');
    untrack(child);
    const log = output().trim();
    return {
      error: new Error(`redis-server on port ${port} ${why}${log ? `:\n${log}` : ''}`),
      portTaken,
    };
  };

  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (exited) {
      return failure('exited before it was ready', /address already in use/i.test(output()));
    }
    const ready = await sendRedisCommand({ port, password, timeoutMs: 500 }, ['PING']).then(
      () => true,
      () => false,
    );
    if (ready) {
      // Something answered on the port; make sure it is this child and not a server that won the race.
      const info = await sendRedisCommand({ port, password, timeoutMs: 1000 }, [
        'INFO',
        'server',
      ]).catch(() => undefined);
      if (info === undefined) return failure('answered PING but not INFO', false);
      const pid = /process_id:(\d+)/.exec(String(info))?.[1];
      if (pid !== String(child.pid)) return failure('found the port taken by another redis', true);
      return { server: runningServer(child, exit, { port, dir, password }) };
    }
    await delay(25);
  }
  return failure(`did not answer PING within ${startTimeoutMs} ms`, false);
}

function runningServer(
  child: ChildProcess,
  exit: Promise<void>,
  settings: Pick<LaunchSettings, 'port' | 'dir' | 'password'>,
): RedisServer {
  const { port, dir, password } = settings;
  const auth = password === undefined ? '' : `:${encodeURIComponent(password)}@`;
  let paused = false;
  let stopping: Promise<void> | undefined;

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.ref(); // Keep the event loop alive until the exit is seen.
      if (paused) child.kill('SIGCONT'); // A stopped process only acts on SIGTERM once continued.
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exit;
      clearTimeout(kill);
    }
    untrack(child);
    rmSync(dir, { recursive: true, force: true });
  };

  return {
    url: `redis://${auth}${HOST}:${port}`,
    port,
    pause: () => {
      child.kill('SIGSTOP');
      paused = true;
    },
    resume: () => {
      child.kill('SIGCONT');
      paused = false;
    },
    stop: () => (stopping ??= stop()),
    command: (...args) => sendRedisCommand({ port, password }, args),
  };
}

/**
 * A minimal RESP2 client: one connection per command, AUTH pipelined first when there is a password.
 * Rejects with a RedisReplyError on an error reply (the AUTH one first), or when the connection ends.
 */
export function sendRedisCommand(target: RedisTarget, args: string[]): Promise<RedisReply> {
  const requests = target.password === undefined ? [args] : [['AUTH', target.password], args];
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: HOST, port: target.port });
    const replies: RedisReply[] = [];
    let unread = Buffer.alloc(0);
    let settled = false;
    const settle = (error: Error | undefined, reply?: RedisReply): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(reply ?? null);
    };
    const timer =
      target.timeoutMs === undefined
        ? undefined
        : setTimeout(
            () => settle(new Error(`redis on port ${target.port}: no reply to ${args[0]} in time`)),
            target.timeoutMs,
          );

    socket.on('connect', () => socket.write(requests.map(encodeCommand).join('')));
    socket.on('data', (chunk) => {
      unread = Buffer.concat([unread, chunk]);
      try {
        let parsed: ParsedReply | undefined;
        while (replies.length < requests.length && (parsed = parseReply(unread, 0))) {
          replies.push(parsed.value);
          unread = unread.subarray(parsed.end);
        }
      } catch (error) {
        settle(error as Error);
        return;
      }
      if (replies.length < requests.length) return;
      const failed = replies.find((reply) => reply instanceof RedisReplyError);
      settle(failed, replies[replies.length - 1]);
    });
    socket.on('error', (error) => settle(error));
    socket.on('close', () =>
      settle(new Error(`redis on port ${target.port}: connection closed before a reply`)),
    );
  });
}

function encodeCommand(args: string[]): string {
  return `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;
}

interface ParsedReply {
  value: RedisReply;
  end: number;
}

/** Parses one reply starting at `start`; undefined when the buffer does not hold all of it yet. */
function parseReply(buffer: Buffer, start: number): ParsedReply | undefined {
  const lineEnd = buffer.indexOf('\r\n', start);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buffer[start]);
  const line = buffer.toString('utf8', start + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: new RedisReplyError(line), end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, end: next };
      if (buffer.length < next + length + 2) return undefined;
      return { value: buffer.toString('utf8', next, next + length), end: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items: RedisReply[] = [];
      let position = next;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buffer, position);
        if (!item) return undefined;
        items.push(item.value);
        position = item.end;
      }
      return { value: items, end: position };
    }
    default:
      throw new Error(`unexpected RESP reply type ${JSON.stringify(type)}`);
  }
}

/** Binds port 0 to let the OS pick a free port, then releases it for redis. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

/** Keeps the last few KB of the server's log, for error messages. */
function collectOutput(child: ChildProcess): () => string {
  let log = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (text: string) => (log = (log + text).slice(-4000)));
    (stream as net.Socket | null)?.unref(); // Pipes would otherwise hold the worker open too.
  }
  return () => log;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Servers still running when the process ends. 'exit' covers a normal end of a jest worker (it exits
// once nothing holds it open); SIGTERM covers jest force-killing a worker that did not.
const running = new Map<ChildProcess, string>();
let hooksInstalled = false;

function track(child: ChildProcess, dir: string): void {
  running.set(child, dir);
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAllNow);
  process.once('SIGTERM', () => {
    killAllNow();
    // Listening disabled the default action; with no other listener, die by the signal as before.
    if (process.listenerCount('SIGTERM') === 0) process.kill(process.pid, 'SIGTERM');
  });
}

function untrack(child: ChildProcess): void {
  running.delete(child);
}

function killAllNow(): void {
  for (const [child, dir] of running) {
    child.kill('SIGCONT');
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  running.clear();
}
