#!/usr/bin/env node
// `npm run bench [-- --quick]`: installs bench/'s own dependencies on first use (Hive Gateway and
// autocannon stay out of the product's npm ci), builds orgraph as shipped (dist/) and bundles the
// harness, the emulators and the baseline servers with esbuild, then runs the harness
// (bench/harness/main.ts). Plain node: it runs before anything is compiled.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const BENCH = __dirname;
const ROOT = path.resolve(BENCH, '..');
const DIST = path.join(BENCH, 'dist');

function run(command, args, cwd = ROOT) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`bench: ${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

const lock = path.join(BENCH, 'package-lock.json');
const installed = path.join(BENCH, 'node_modules', '.package-lock.json');
if (!fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs) {
  console.log('bench: installing bench/ dependencies (first run)');
  run('npm', ['ci', '--no-audit', '--no-fund'], BENCH);
}

// orgraph as shipped: the production build `npm start` runs.
run(process.execPath, [path.join(ROOT, 'scripts', 'build-if-stale.js')]);

// The harness and the baselines are typed against bench/'s packages: checked here, not by npm run lint.
run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), [
  '--noEmit',
  '-p',
  path.join(BENCH, 'tsconfig.json'),
]);

const entries = {
  harness: 'bench/harness/main.ts',
  emulators: 'bench/harness/emulators-main.ts',
  'hand-written': 'bench/systems/hand-written/main.ts',
  'naive-apollo': 'bench/systems/naive-apollo/main.ts',
};
fs.mkdirSync(DIST, { recursive: true });
for (const [name, entry] of Object.entries(entries)) {
  run(path.join(ROOT, 'node_modules', '.bin', 'esbuild'), [
    entry,
    '--bundle',
    '--platform=node',
    '--target=node20',
    '--packages=external',
    '--log-level=warning',
    `--outfile=${path.join(DIST, `${name}.js`)}`,
  ]);
}

const harness = spawnSync(
  process.execPath,
  [path.join(DIST, 'harness.js'), ...process.argv.slice(2)],
  {
    cwd: ROOT,
    stdio: 'inherit',
  },
);
process.exit(harness.status ?? 1);
