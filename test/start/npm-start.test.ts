import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { acceptsConnections } from '../support/tcp-port';

/**
 * `npm start` as a user or a process manager runs it: npm, then package.json's `start` script through
 * npm's shell. npm passes SIGTERM on to its child only; the script must make that child orgraph
 * itself (no shell in between to swallow the signal), or SIGTERM leaves orgraph and its demo emulators
 * running with no parent. The script runs here as written, with the compiled entry point swapped for
 * src/main.ts under ts-node (the test builds nothing), from a folder of its own with a `.env`.
 */

const root = path.resolve(__dirname, '..', '..');
const BUILT_MAIN = 'dist/src/main.js';

interface LogLine {
  pid: number;
  msg: string;
  callBudget?: number;
}

describe('npm start', () => {
  let dir: string;

  beforeAll(() => {
    const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.start).toContain(BUILT_MAIN);
    const register = require.resolve('ts-node/register/transpile-only', { paths: [root] });
    dir = mkdtempSync(path.join(os.tmpdir(), 'orgraph-npm-start-'));
    const start = scripts.start.replace(
      BUILT_MAIN,
      `-r ${register} ${path.join(root, 'src', 'main.ts')}`,
    );
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'orgraph-npm-start', private: true, scripts: { start } }),
    );
    writeFileSync(path.join(dir, '.env'), 'ORGRAPH_REQUEST_CALL_BUDGET=123\n');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads .env, names the emulators credentials, and on SIGTERM to npm leaves nothing running', async () => {
    const npm = spawn('npm', ['start'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        PORT: '0',
        TS_NODE_PROJECT: path.join(root, 'tsconfig.json'),
        NPM_CONFIG_UPDATE_NOTIFIER: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const npmExit = new Promise<number | null>((resolve) =>
      npm.once('exit', (code) => resolve(code)),
    );
    let stderr = '';
    npm.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: npm.stdout })[Symbol.asyncIterator]();
    let orgraphPid: number | undefined;
    try {
      const demo = await nextLogLine(lines, /^orgraph in demo mode/);
      orgraphPid = demo.pid;
      const upstream = await nextLogLine(lines, /^upstream: /);
      expect(upstream.callBudget).toBe(123); // from .env

      // npm's child is orgraph itself.
      expect(parentOf(demo.pid)).toBe(npm.pid);

      const emulatorUrl = (name: string) =>
        new RegExp(`${name} \\((http://127\\.0\\.0\\.1:\\d+)\\)`).exec(demo.msg)![1];
      const quoted = (prefix: string) => new RegExp(`"${prefix}([^"]+)"`).exec(demo.msg)![1];
      const [cruxAuth, auth0Auth, ddApiKey, ddAppKey] = [
        quoted('Authorization: Token '),
        quoted('Authorization: Bearer '),
        quoted('DD-API-KEY: '),
        quoted('DD-APPLICATION-KEY: '),
      ];
      const crux = await fetch(`${emulatorUrl('Crux')}/organizations/`, {
        headers: { authorization: `Token ${cruxAuth}` },
      });
      expect(crux.status).toBe(200);
      const auth0 = await fetch(`${emulatorUrl('Auth0')}/api/v2/organizations`, {
        headers: { authorization: `Bearer ${auth0Auth}` },
      });
      expect(auth0.status).toBe(200);
      const datadog = await fetch(`${emulatorUrl('Datadog')}/api/v2/org_connections`, {
        headers: { 'dd-api-key': ddApiKey, 'dd-application-key': ddAppKey },
      });
      expect(datadog.status).toBe(200);

      const ports = ['Crux', 'Auth0', 'Datadog'].map((name) =>
        Number(new URL(emulatorUrl(name)).port),
      );
      ports.push(Number(/GraphiQL at http:\/\/localhost:(\d+)\//.exec(demo.msg)![1]));
      expect(await Promise.all(ports.map(acceptsConnections))).toEqual([true, true, true, true]);

      npm.kill('SIGTERM');
      expect(await npmExit).toBe(0);
      expect(isRunning(demo.pid)).toBe(false);
      expect(await Promise.all(ports.map(acceptsConnections))).toEqual([
        false,
        false,
        false,
        false,
      ]);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nnpm stderr:\n${stderr}`, { cause: error });
    } finally {
      // After a failure: killing npm alone would leave orgraph running.
      if (orgraphPid !== undefined && isRunning(orgraphPid)) process.kill(orgraphPid, 'SIGKILL');
      npm.kill('SIGKILL');
    }
  }, 60_000);
});

async function nextLogLine(lines: AsyncIterator<string>, message: RegExp): Promise<LogLine> {
  for (;;) {
    const next = await lines.next();
    if (next.done) throw new Error(`npm start ended before logging ${message}`);
    const value = next.value;
    if (!value.startsWith('{')) continue; // npm's own lines
    const line = JSON.parse(value) as LogLine;
    if (message.test(line.msg)) return line;
  }
}

/** The parent pid of a running process, from /proc. */
function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
