import { spawn } from 'node:child_process';
import path from 'node:path';
import { exited } from './child-process-exit';
import { hiveSystemDir } from './system-dir';

/**
 * Runs `mesh-compose` over mesh.config.ts with this run's environment (base URLs) and writes the
 * supergraph to `output`. A child process, as users run it, so composition's modules and memory stay
 * out of the harness.
 */
export async function composeSupergraph(
  env: Record<string, string>,
  output: string,
): Promise<void> {
  const bin = path.join(
    path.dirname(require.resolve('@graphql-mesh/compose-cli/package.json')),
    'esm',
    'bin.js',
  );
  const child = spawn(process.execPath, [bin, '--output', output], {
    cwd: hiveSystemDir(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await exited(child);
  if (code !== 0) throw new Error(`mesh-compose exited with ${code}:\n${stderr}`);
}
