import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(__dirname, '..', '..');

/** Starts src/main.ts as `npm start` does (without the build step), with the given environment. */
function startMain(env: Record<string, string>): {
  child: ChildProcess;
  lines: AsyncIterableIterator<string>;
} {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return { child, lines };
}

describe('npm start', () => {
  it('with no provider configured, starts the emulators and serves data from all three providers', async () => {
    const { child, lines } = startMain({});
    try {
      const first = JSON.parse((await lines.next()).value as string) as { msg: string };
      expect(first.msg).toMatch(/^orgraph in demo mode: no provider configured/);
      const url = /GraphQL and GraphiQL at (http:\/\/localhost:\d+\/graphql)/.exec(first.msg)![1];
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ organizations(limit: 500) { items { provider } } }' }),
      });
      const body = (await response.json()) as {
        data: { organizations: { items: { provider: string }[] } };
      };
      expect(new Set(body.data.organizations.items.map((o) => o.provider))).toEqual(
        new Set(['CRUX', 'AUTH0', 'DATADOG']),
      );
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('with invalid configuration, exits 1 with a message naming the variable', async () => {
    const { child } = startMain({ CRUX_API_URL: 'https://crux.example' });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('orgraph: invalid configuration: CRUX_API_TOKEN: is required');
  });
});
