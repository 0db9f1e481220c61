import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { loadGraphiQLExamples } from '../../src/graphiql/graphiql-examples';
import { GRAPHIQL_EXAMPLES_DIR } from '../../src/graphiql/graphiql-paths';
import { GRAPHIQL_EXPECTATIONS, startServerUnderTest } from '../support/graphiql-server-under-test';
import type { ServerUnderTest } from '../support/graphiql-server-under-test';

// End to end: orgraph's own GraphiQL in Debian's headless Chromium, with no request leaving the
// machine. Never skipped: a missing browser is a failure (install it with .ci/install-chromium.sh).

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const OUTPUT_DIR = path.resolve(__dirname, '..', '..', 'test-output');
const SCREENSHOT = path.join(OUTPUT_DIR, 'graphiql.png');
// Slow CI machines (2 cores) need a while to parse Monaco and start its workers.
const STEP_TIMEOUT_MS = 60_000;

jest.setTimeout(240_000);

/** Monaco draws spaces as no-break spaces and splits lines into spans; compare plain text. */
function plain(text: string | null): string {
  return (text ?? '').replace(/\u00a0/g, ' ');
}

/** Polls until `read` returns a value `ok` accepts; fails with the last value seen. */
async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let last: T;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}; last saw: ${JSON.stringify(last)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits until the (Monaco) element's text contains `expected`, and returns that text. */
function waitForText(what: string, locator: Locator, expected: string): Promise<string> {
  return waitFor(
    what,
    async () => plain(await locator.textContent()),
    (text) => text.includes(expected),
  );
}

function assertChromiumInstalled(): void {
  if (fs.existsSync(CHROMIUM_PATH)) return;
  const where = process.env.CI ? 'in CI' : 'on this machine';
  throw new Error(
    `Chromium is not installed ${where} (looked for ${CHROMIUM_PATH}). The GraphiQL browser ` +
      'test needs it: run `.ci/install-chromium.sh` (Debian package `chromium`) or set ' +
      'CHROMIUM_PATH. This test fails rather than skip, so a missing browser is never missed.',
  );
}

describe('GraphiQL in a real browser', () => {
  let server: ServerUnderTest;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  const requests: string[] = [];
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    assertChromiumInstalled();
    server = await startServerUnderTest();
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-graphiql-chromium-'));
    // A fresh profile each run; the flags keep Chromium off the network (closed CI machines).
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      timeout: STEP_TIMEOUT_MS,
      viewport: { width: 1400, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    // Context-wide, so requests from web workers are recorded too.
    context.on('request', (request) => requests.push(request.url()));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  it('runs an example query from orgraph-hosted GraphiQL without touching another host', async () => {
    const origin = new URL(server.url).origin;
    const examples = loadGraphiQLExamples(GRAPHIQL_EXAMPLES_DIR);

    // A normal navigation sends Accept: text/html, which is what selects GraphiQL over JSON.
    const response = await page.goto(`${server.url}/graphql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

    // One tab per example, the first active, its query in the Monaco operation editor.
    const tabs = page.locator('.graphiql-tab');
    await waitFor(
      'one tab per example',
      () => tabs.count(),
      (n) => n === examples.length,
    );
    const activeTab = page.locator('.graphiql-tab-active');
    await activeTab.waitFor();
    expect(await activeTab.innerText()).toContain(GRAPHIQL_EXPECTATIONS.firstTabTitle);
    const operationEditor = page.locator('.graphiql-query-editor .monaco-editor .view-lines');
    await operationEditor.waitFor();
    await waitForText('the first example', operationEditor, GRAPHIQL_EXPECTATIONS.firstTabTitle);
    // The headers editor is there for credentials.
    await page.getByText('Headers', { exact: true }).first().waitFor();

    await page.locator('button.graphiql-execute-button[aria-label^="Execute query"]').click();

    const resultPane = page.locator('.graphiql-response .monaco-editor .view-lines');
    const result = await waitForText(
      'the result',
      resultPane,
      GRAPHIQL_EXPECTATIONS.firstResultText,
    );
    expect(result).toContain('"data"');
    expect(result).not.toContain('"errors"');

    // The docs explorer is built from introspection of the endpoint.
    await page.locator('[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('All Schema Types').waitFor();
    await docs.getByText(GRAPHIQL_EXPECTATIONS.schemaType, { exact: true }).first().waitFor();

    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);

    // Every request went to the server under test (data: and blob: never leave the browser).
    const offsite = requests.filter(
      (url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url),
    );
    expect(offsite).toEqual([]);
    // Monaco's workers came from orgraph too (they start once the editors need them).
    expect(requests.some((url) => /\/graphiql\/assets\/editor\.worker-/.test(url))).toBe(true);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
