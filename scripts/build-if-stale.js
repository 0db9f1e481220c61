#!/usr/bin/env node
// `prestart`: makes sure `npm start` has a build to run. With the dev tools installed (a clone after
// `npm ci`), it builds what is missing or older than its sources; on a production install
// (`npm ci --omit=dev`, no esbuild or tsc) it builds nothing and only checks that a build is there.
// Plain node, like build-graphiql.js: it runs before anything is compiled.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
/** What tsc compiles into dist/ (tsconfig.build.json), and what changes its output. */
const TSC_INPUTS = ['src', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function installed(name) {
  try {
    require.resolve(`${name}/package.json`, { paths: [ROOT] });
    return true;
  } catch {
    return false;
  }
}

function newestChange(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(file)
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(file, name))), stat.mtimeMs);
}

/** tsc rewrites every output, so dist/src/main.js is as old as the last build. */
function distIsStale() {
  if (!fs.existsSync(MAIN)) return true;
  const built = fs.statSync(MAIN).mtimeMs;
  return TSC_INPUTS.map((input) => path.join(ROOT, input))
    .filter((input) => fs.existsSync(input))
    .some((input) => newestChange(input) > built);
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  return result.status ?? 1;
}

function main() {
  if (!installed('typescript') || !installed('esbuild')) {
    if (fs.existsSync(MAIN)) return 0;
    console.error(
      'orgraph: there is no build (dist/src/main.js) and this install has no dev dependencies to make one.\n' +
        'Run `npm ci && npm run build` first (in a Docker build stage, say), then `npm ci --omit=dev`.',
    );
    return 1;
  }
  // build-graphiql.js skips the build itself when dist-graphiql/ matches its inputs.
  const graphiql = run([path.join(__dirname, 'build-graphiql.js')]);
  if (graphiql !== 0) return graphiql;
  if (!distIsStale()) return 0;
  const tsc = run([
    require.resolve('typescript/bin/tsc', { paths: [ROOT] }),
    '-p',
    'tsconfig.build.json',
  ]);
  // tsc emits even when it reports type errors: age the output so the next start builds again.
  if (tsc !== 0 && fs.existsSync(MAIN)) fs.utimesSync(MAIN, 0, 0);
  return tsc;
}

process.exitCode = main();
