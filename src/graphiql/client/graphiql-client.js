// Browser entry of orgraph's self-hosted GraphiQL, bundled by scripts/build-graphiql.js.
// Plain JS (no JSX) so the server's tsc build ignores it; esbuild is the only compiler that reads it.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';

/**
 * The page hands its settings over in a JSON data block rather than an inline script, so the
 * Content-Security-Policy can forbid inline scripts altogether.
 * @returns {{ endpoint: string, examples: { name: string, query: string, variables?: string }[],
 *   workers: Record<string, string> }}
 */
function readConfig() {
  const element = document.getElementById('graphiql-config');
  if (!element || !element.textContent) throw new Error('GraphiQL config block is missing');
  return JSON.parse(element.textContent);
}

const config = readConfig();

// Monaco runs its language services in web workers; each is a bundle served by orgraph itself
// (no blob: or CDN), so worker-src can stay 'self'.
globalThis.MonacoEnvironment = {
  getWorker(_moduleId, label) {
    const url = config.workers[label] ?? config.workers.editorWorkerService;
    return new Worker(url, { name: label });
  },
};

const endpoint = new URL(config.endpoint, window.location.href).toString();

/** A plain fetch fetcher: orgraph serves queries and mutations over POST, no subscriptions. */
async function fetcher(params, options) {
  const response = await fetch(endpoint, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...(options && options.headers),
    },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    // Show a readable error in the result pane instead of a JSON parse failure.
    return { errors: [{ message: `HTTP ${response.status} ${response.statusText}: ${text}` }] };
  }
}

const defaultTabs = config.examples.map((example) => ({
  query: example.query,
  variables: example.variables ?? null,
}));

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: defaultTabs.length > 0 ? defaultTabs : undefined,
    isHeadersEditorEnabled: true,
    // Credentials typed into the headers editor stay in memory unless the user opts in.
    shouldPersistHeaders: false,
  }),
);
