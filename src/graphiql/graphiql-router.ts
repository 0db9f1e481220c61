import path from 'node:path';
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import { GRAPHIQL_CSP } from './graphiql-csp';
import { loadGraphiQLManifest } from './graphiql-manifest';
import type { GraphiQLAssetFile } from './graphiql-manifest';
import { renderGraphiQLPage } from './graphiql-page';
import { GRAPHIQL_ASSETS_DIR } from './graphiql-paths';

export interface GraphiQLExample {
  /** Shown nowhere by GraphiQL itself (tabs are titled by operation name); kept for listings. */
  name: string;
  query: string;
  /** JSON text for the variables editor. */
  variables?: string;
}

export interface GraphiQLOptions {
  graphqlPath: string;
  /** One tab each, the first active. */
  examples: GraphiQLExample[];
  title?: string;
  /** Output of scripts/build-graphiql.js; defaults to <package root>/dist-graphiql. */
  assetsDir?: string;
}

/** URL prefix of GraphiQL's bundled scripts, styles and workers. */
export const GRAPHIQL_ASSETS_PATH = '/graphiql/assets';

// Media types a GraphQL client may ask for; GraphiQL is served only when HTML beats all of them.
const GRAPHQL_MEDIA_TYPES = ['application/graphql-response+json', 'application/json'];

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

function setSecurityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', GRAPHIQL_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** True when the client would rather have HTML than a GraphQL response (a browser navigation). */
export function prefersHtml(req: Request): boolean {
  return req.accepts([...GRAPHQL_MEDIA_TYPES, 'text/html']) === 'text/html';
}

/**
 * Serves GraphiQL at GET <graphqlPath> to browsers and its assets under /graphiql/assets/, all from
 * orgraph itself. Other requests to <graphqlPath> fall through to the GraphQL server. Mount it
 * before the GraphQL middleware, and only when GraphiQL is enabled.
 */
export function graphiqlRouter(options: GraphiQLOptions): Router {
  const assetsDir = options.assetsDir ?? GRAPHIQL_ASSETS_DIR;
  const manifest = loadGraphiQLManifest(assetsDir);
  const assetUrl = (name: string): string => `${GRAPHIQL_ASSETS_PATH}/${name}`;
  const page = renderGraphiQLPage({
    title: options.title ?? 'GraphiQL',
    graphqlPath: options.graphqlPath,
    examples: options.examples,
    scriptUrl: assetUrl(manifest.script),
    styleUrl: assetUrl(manifest.style),
    workerUrls: Object.fromEntries(
      Object.entries(manifest.workers).map(([label, name]) => [label, assetUrl(name)]),
    ),
  });
  // Only files the build listed are served: no path from the URL ever reaches the file system.
  const files = new Map<string, GraphiQLAssetFile>(manifest.files.map((f) => [f.name, f]));

  const router = express.Router();

  router.get(options.graphqlPath, (req: Request, res: Response, next: NextFunction) => {
    if (!prefersHtml(req)) return next();
    setSecurityHeaders(res);
    res.setHeader('X-Frame-Options', 'DENY');
    // The page names hashed assets, so it must be revalidated to pick up a new build.
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Accept');
    res.type('html').send(page);
  });

  router.get(`${GRAPHIQL_ASSETS_PATH}/:file`, (req: Request, res: Response) => {
    const name = String(req.params.file);
    const file = files.get(name);
    if (!file) {
      res.status(404).type('text').send('Not found');
      return;
    }
    let suffix = '';
    let encoding: string | undefined;
    // Precompressed by the build; the server itself has no compression middleware.
    const accepted = req.acceptsEncodings('br', 'gzip', 'identity');
    if (accepted === 'br' && file.brotliBytes !== undefined) {
      [suffix, encoding] = ['.br', 'br'];
    } else if (accepted === 'gzip' && file.gzipBytes !== undefined) {
      [suffix, encoding] = ['.gz', 'gzip'];
    }
    setSecurityHeaders(res);
    res.setHeader('Content-Type', CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream');
    if (file.gzipBytes !== undefined) res.setHeader('Vary', 'Accept-Encoding');
    if (encoding) res.setHeader('Content-Encoding', encoding);
    const sendOptions = {
      // File names carry a content hash: a changed file gets a new name, so cache for a year.
      maxAge: '365d',
      immutable: true,
      // Ranges of a precompressed body would confuse clients; assets are fetched whole.
      acceptRanges: false,
    };
    res.sendFile(path.join(assetsDir, 'assets', name + suffix), sendOptions, (err) => {
      if (err && !res.headersSent) res.status(500).type('text').send('GraphiQL asset unreadable');
    });
  });

  return router;
}
