import fs from 'node:fs';
import path from 'node:path';

export interface GraphiQLAssetFile {
  name: string;
  bytes: number;
  gzipBytes?: number;
  brotliBytes?: number;
}

/** What scripts/build-graphiql.js wrote: hashed file names of the page's script, style and workers. */
export interface GraphiQLManifest {
  graphiqlVersion: string;
  script: string;
  style: string;
  /** Monaco worker label (editorWorkerService, json, graphql) → file name. */
  workers: Record<string, string>;
  files: GraphiQLAssetFile[];
}

/** Reads dist-graphiql/manifest.json; fails loudly when GraphiQL is enabled but was never built. */
export function loadGraphiQLManifest(assetsDir: string): GraphiQLManifest {
  const file = path.join(assetsDir, 'manifest.json');
  let manifest: GraphiQLManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as GraphiQLManifest;
  } catch (error) {
    throw new Error(
      `GraphiQL assets are missing (${file}): run \`node scripts/build-graphiql.js\` ` +
        `or turn GraphiQL off (ORGRAPH_GRAPHIQL=false). Cause: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const names = new Set(manifest.files.map((f) => f.name));
  for (const needed of [manifest.script, manifest.style, ...Object.values(manifest.workers)]) {
    if (!names.has(needed)) throw new Error(`GraphiQL manifest ${file} lists no file ${needed}`);
  }
  return manifest;
}
