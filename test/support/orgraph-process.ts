import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * orgraph as a real process, the way a replica runs it: `src/main.ts` (as `npm start` runs it, without
 * the build step) with the given environment, on a free loopback port. What `test/start/demo-mode.test.ts`
 * does for one process, for tests that need several (replicas sharing one Redis).
 */

export interface OrgraphProcess {
  /** e.g. `http://127.0.0.1:41234/graphql` */
  url: string;
  pid: number;
  /** The process's last log lines (pino JSON from stdout, anything from stderr), for failure messages. */
  logs(): string[];
  /** SIGTERM (orgraph drains and exits), SIGKILL if it has not exited after a grace period. */
  stop(): Promise<void>;
  /** Resolves when the process has exited, with its exit code, or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const root = path.resolve(__dirname, '..', '..');
const LISTENING =
  /orgraph (?:listening at|in demo mode: .*GraphQL and GraphiQL at) (http:\/\/\S+\/graphql)/;
// Enough for a run of a few hundred requests (one info line each) to keep its warnings in view.
const KEPT_LOG_LINES = 5_000;
const STOP_GRACE_MS = 5_000;

/**
 * Starts orgraph with `env` (plus PATH and PORT=0) and resolves once it logs that it listens. Rejects,
 * with its output, when it exits first or is not listening within `startTimeoutMs`.
 */
export async function startOrgraphProcess(
  env: Record<string, string>,
  options: {
    startTimeoutMs?: number;
    /** Node's own flags, e.g. `--max-old-space-size=512` for a container-sized heap. */
    nodeArgs?: string[];
  } = {},
): Promise<OrgraphProcess> {
  const { startTimeoutMs = 30_000, nodeArgs = [] } = options;
  const args = [...nodeArgs, '-r', 'ts-node/register/transpile-only', 'src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > KEPT_LOG_LINES) lines.shift();
  };
  // Both pipes are read to the end: a child writing to a full pipe would block.
  const stdout = createInterface({ input: child.stdout });
  createInterface({ input: child.stderr }).on('line', (line) => keep(`stderr: ${line}`));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(`was not listening within ${startTimeoutMs} ms`),
      startTimeoutMs,
    );
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited (${signal ?? code}) before it was listening`);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`orgraph ${why}:\n${lines.join('\n')}`));
    };
    child.once('exit', onExit);
    stdout.on('line', (line) => {
      keep(line);
      const listening = LISTENING.exec(messageOf(line));
      if (!listening) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      // The server binds 127.0.0.1 and logs `localhost`; the address itself spares a name lookup.
      resolve(listening[1].replace('//localhost:', '//127.0.0.1:'));
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(kill);
    }
    untrack(child);
  };
  return {
    url,
    pid: child.pid!,
    logs: () => [...lines],
    stop: () => (stopping ??= stop()),
    exited,
  };
}

function messageOf(line: string): string {
  try {
    const parsed = JSON.parse(line) as { msg?: unknown };
    return typeof parsed.msg === 'string' ? parsed.msg : '';
  } catch {
    return '';
  }
}

// Processes still running when the jest worker ends (a test that failed before its afterAll).
const running = new Set<ChildProcess>();
let hookInstalled = false;

function track(child: ChildProcess): void {
  running.add(child);
  if (hookInstalled) return;
  hookInstalled = true;
  process.on('exit', () => {
    for (const orphan of running) orphan.kill('SIGKILL');
  });
}

function untrack(child: ChildProcess): void {
  running.delete(child);
}
