import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

/** A process the harness started, serving on loopback until stopped. */
export interface ChildService {
  readonly pid: number;
  /** The first stdout line matching the ready pattern. */
  readonly readyLine: string;
  stop(): Promise<void>;
}

export interface ChildServiceOptions {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The stdout line that says the service is ready. */
  ready: RegExp;
  /** How long to wait for it (default 60 s). */
  timeoutMs?: number;
  cwd?: string;
}

const running = new Set<ChildProcess>();
const startedElsewhere = new Set<number>();

/** Kills whatever is still running when the harness exits, Ctrl-C and SIGTERM included. */
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const pid of startedElsewhere) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/** A process another module started (Hive Gateway), killed with the harness's own children. */
export function killOnExit(pid: number): void {
  startedElsewhere.add(pid);
}

/** Starts a process and waits for its ready line; its stderr is kept for the error when it fails. */
export function startChildService(options: ChildServiceOptions): Promise<ChildService> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(`${options.command} ${options.args.join(' ')} was not ready in time: ${stderr}`),
      );
    }, options.timeoutMs ?? 60_000);
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!options.ready.test(line)) return;
      clearTimeout(timer);
      lines.removeAllListeners('line');
      // Keep draining stdout so a chatty child never blocks on a full pipe.
      child.stdout.resume();
      resolve({ pid: child.pid ?? -1, readyLine: line, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.command} exited with ${code} before it was ready: ${stderr}`));
    });
  });
}
