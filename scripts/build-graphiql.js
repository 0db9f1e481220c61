#!/usr/bin/env node
// Builds orgraph's self-hosted GraphiQL (the `graphiql` npm package, React and Monaco with its web
// workers) into dist-graphiql/, so the page loads nothing from a CDN. Plain node (no ts-node) so it
// can run from npm lifecycle scripts before anything else is compiled.
//
//   node scripts/build-graphiql.js          build unless dist-graphiql/ is already up to date
//   node scripts/build-graphiql.js --force  always rebuild
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'dist-graphiql');
const CLIENT_DIR = path.join(ROOT, 'src', 'graphiql', 'client');
const MANIFEST = 'manifest.json';
// Packages whose versions change what ends up in the bundle.
const INPUT_PACKAGES = [
  'esbuild',
  'graphiql',
  '@graphiql/react',
  '@graphiql/plugin-doc-explorer',
  '@graphiql/plugin-history',
  'graphql',
  'monaco-editor',
  'monaco-graphql',
  'react',
  'react-dom',
];

function packageVersion(name) {
  const file = require.resolve(`${name}/package.json`, { paths: [ROOT] });
  return JSON.parse(fs.readFileSync(file, 'utf8')).version;
}

/** Hash of everything the bundle is made of, so an unchanged install skips the build. */
function fingerprint() {
  const hash = crypto.createHash('sha256');
  hash.update(fs.readFileSync(__filename));
  for (const file of fs.readdirSync(CLIENT_DIR).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(CLIENT_DIR, file)));
  }
  for (const name of INPUT_PACKAGES) hash.update(`${name}@${packageVersion(name)}\n`);
  return hash.digest('hex');
}

function isUpToDate(expected) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(OUT_DIR, MANIFEST), 'utf8'));
    if (manifest.fingerprint !== expected) return false;
    return manifest.files.every((f) => fs.existsSync(path.join(OUT_DIR, 'assets', f.name)));
  } catch {
    return false;
  }
}

/** Maps each entry point name to the hashed output file esbuild wrote for it. */
function entryOutputs(metafile, outDir) {
  const byEntry = {};
  for (const [output, info] of Object.entries(metafile.outputs)) {
    if (!info.entryPoint || output.endsWith('.map')) continue;
    byEntry[info.entryPoint] = path.relative(outDir, path.resolve(ROOT, output));
  }
  return byEntry;
}

function findOutput(byEntry, entryFile) {
  const wanted = path.relative(ROOT, entryFile).split(path.sep).join('/');
  const hit = Object.entries(byEntry).find(([entry]) => entry === wanted || entry.endsWith(wanted));
  if (!hit) throw new Error(`esbuild produced no output for ${wanted}`);
  return hit[1];
}

/**
 * Writes .gz and .br siblings of a text asset so the server can send them precompressed (orgraph has
 * no compression middleware, and Monaco is megabytes of JavaScript).
 */
function compress(file) {
  const name = path.basename(file);
  const raw = fs.readFileSync(file);
  const entry = { name, bytes: raw.length };
  if (!/\.(js|css|txt)$/.test(name)) return entry;
  const gzip = zlib.gzipSync(raw, { level: 9 });
  const brotli = zlib.brotliCompressSync(raw, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 10,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  fs.writeFileSync(`${file}.gz`, gzip);
  fs.writeFileSync(`${file}.br`, brotli);
  return { ...entry, gzipBytes: gzip.length, brotliBytes: brotli.length };
}

async function build(outDir) {
  const esbuild = require('esbuild');
  const resolve = (id) => require.resolve(id, { paths: [ROOT] });
  const assetsDir = path.join(outDir, 'assets');
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    outdir: assetsDir,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    target: ['chrome115', 'firefox115', 'safari16'],
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  };

  const clientEntry = path.join(CLIENT_DIR, 'graphiql-client.js');
  // ESM with code splitting: Monaco's many languages become lazy chunks the page never loads.
  const client = await esbuild.build({
    ...common,
    entryPoints: { 'graphiql-client': clientEntry },
    format: 'esm',
    splitting: true,
    // Monaco's sources import their CSS; graphiql/style.css already contains all of it.
    loader: { '.css': 'empty' },
  });

  const styleEntry = resolve('graphiql/style.css');
  const style = await esbuild.build({
    ...common,
    entryPoints: { graphiql: styleEntry },
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
  });

  // Classic (IIFE) workers: each is one self-contained file, started with new Worker(url).
  const workerEntries = {
    editorWorkerService: resolve('monaco-editor/esm/vs/editor/editor.worker.js'),
    json: resolve('monaco-editor/esm/vs/language/json/json.worker.js'),
    graphql: resolve('monaco-graphql/esm/graphql.worker.js'),
  };
  const workers = await esbuild.build({
    ...common,
    entryPoints: {
      'editor.worker': workerEntries.editorWorkerService,
      'json.worker': workerEntries.json,
      'graphql.worker': workerEntries.graphql,
    },
    format: 'iife',
    loader: { '.css': 'empty' },
  });

  const clientOut = entryOutputs(client.metafile, assetsDir);
  const styleOut = entryOutputs(style.metafile, assetsDir);
  const workerOut = entryOutputs(workers.metafile, assetsDir);
  const files = fs
    .readdirSync(assetsDir)
    .sort()
    .map((name) => compress(path.join(assetsDir, name)));
  return {
    script: findOutput(clientOut, clientEntry),
    style: findOutput(styleOut, styleEntry),
    workers: Object.fromEntries(
      Object.entries(workerEntries).map(([label, file]) => [label, findOutput(workerOut, file)]),
    ),
    files,
  };
}

async function main() {
  const force = process.argv.includes('--force');
  const expected = fingerprint();
  if (!force && isUpToDate(expected)) {
    console.log('build-graphiql: dist-graphiql/ is up to date');
    return;
  }
  const started = Date.now();
  // Build beside the live folder and swap at the end, so a running server never sees half a build.
  const tmpDir = `${OUT_DIR}.tmp-${process.pid}`;
  fs.rmSync(tmpDir, { recursive: true, force: true });
  try {
    const result = await build(tmpDir);
    const manifest = {
      fingerprint: expected,
      graphiqlVersion: packageVersion('graphiql'),
      ...result,
    };
    fs.writeFileSync(path.join(tmpDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.rmSync(OUT_DIR, { recursive: true, force: true });
    fs.renameSync(tmpDir, OUT_DIR);
    const total = result.files.reduce((sum, f) => sum + f.bytes, 0);
    console.log(
      `build-graphiql: graphiql ${manifest.graphiqlVersion} -> dist-graphiql/ ` +
        `(${result.files.length} files, ${(total / 1024 / 1024).toFixed(1)} MiB, ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  } catch (error) {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
}

main().catch((error) => {
  console.error('build-graphiql: failed:', error);
  process.exit(1);
});
