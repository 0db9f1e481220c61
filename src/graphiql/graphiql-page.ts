import type { GraphiQLExample } from './graphiql-router';

export interface GraphiQLPageInput {
  title: string;
  graphqlPath: string;
  examples: GraphiQLExample[];
  scriptUrl: string;
  styleUrl: string;
  workerUrls: Record<string, string>;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** JSON safe inside <script>: no "</script>" or "<!--" can end the block early. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The GraphiQL HTML page: one stylesheet, one module script, settings as a JSON data block. */
export function renderGraphiQLPage(input: GraphiQLPageInput): string {
  const config = {
    endpoint: input.graphqlPath,
    examples: input.examples,
    workers: input.workerUrls,
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(input.title)}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${escapeHtml(input.styleUrl)}" />
    <script type="application/json" id="graphiql-config">${jsonForScript(config)}</script>
    <script type="module" src="${escapeHtml(input.scriptUrl)}"></script>
  </head>
  <body style="margin: 0">
    <div id="graphiql" style="height: 100vh">Loading GraphiQL…</div>
    <noscript>GraphiQL needs JavaScript.</noscript>
  </body>
</html>
`;
}
