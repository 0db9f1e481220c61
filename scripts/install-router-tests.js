#!/usr/bin/env node
// `pretest`: installs test/routers/'s own packages (GraphQL Hive Gateway and its Rust router runtime,
// about 525 MB) when they are missing or older than test/routers/package-lock.json, so that a fresh
// clone's `npm ci && npm test` routes the federation tests through every router while the product's
// own `npm ci` stays lean. Plain node, like the other pretest scripts: it runs before anything is built.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROUTERS = path.resolve(__dirname, '..', 'test', 'routers');
const LOCK = path.join(ROUTERS, 'package-lock.json');
// npm writes node_modules/.package-lock.json at the end of every install: it marks a finished one.
const INSTALLED = path.join(ROUTERS, 'node_modules', '.package-lock.json');

function staleReason() {
  if (!fs.existsSync(INSTALLED)) return 'not installed yet';
  if (fs.statSync(INSTALLED).mtimeMs < fs.statSync(LOCK).mtimeMs)
    return 'package-lock.json changed';
  return undefined;
}

const reason = staleReason();
if (reason === undefined) process.exit(0);

console.log(`install-router-tests: test/routers ${reason}: npm ci in test/routers (about 525 MB)`);
const started = Date.now();
// --loglevel=error: the gateway's dependencies warn about Node engines by the dozen; they run on 20.
const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
  cwd: ROUTERS,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (result.status !== 0) {
  console.error(
    `install-router-tests: npm ci in test/routers failed (${result.error?.message ?? `exit ${result.status}`})`,
  );
  process.exit(result.status || 1);
}
console.log(`install-router-tests: done in ${Math.round((Date.now() - started) / 1000)} s`);
