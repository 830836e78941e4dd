// The gateway's GraphiQL in a real Chromium with every other host cut off: it must render, start
// its editor workers and run a query against the demo account using nothing but our own origin.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

const CHROMIUM = '/usr/bin/chromium';
const REQUIRED = process.env.REQUIRE_BROWSER === '1';
const MISSING = existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found (apt-get install -y chromium)`;
const ARTIFACTS = fileURLToPath(new URL('./__artifacts__/', import.meta.url));
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

if (MISSING && !REQUIRED) console.warn(`graphiql-browser: skipped, ${MISSING}; REQUIRE_BROWSER=1 makes this a failure`);

const suiteName = MISSING && !REQUIRED ? `offline GraphiQL in Chromium (skipped: ${MISSING})` : 'offline GraphiQL in Chromium';

describe.skipIf(MISSING !== undefined && !REQUIRED)(suiteName, () => {
  let stack: Stack;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    if (MISSING) throw new Error(`${MISSING}, and REQUIRE_BROWSER=1 demands a browser`);
    stack = await startStack();
    origin = stack.gateway.url;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        // Belt and braces under the route below: no name resolves, so nothing leaks even if
        // some request bypasses Playwright's interception.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('renders, starts its workers and runs a query against the demo account with no other host reachable', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const foreign = new Set<string>();
    const isLocal = (url: string) => {
      const { protocol, hostname } = new URL(url);
      return protocol === 'data:' || protocol === 'blob:' || LOCAL_HOSTS.has(hostname);
    };
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      foreign.add(url);
      return route.abort('internetdisconnected');
    });
    // Also counts what routing may not see (worker-initiated requests).
    context.on('request', (request) => {
      if (!isLocal(request.url())) foreign.add(request.url());
    });

    const page = await context.newPage();
    const errors: string[] = [];
    const workers: string[] = [];
    const failed: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });

    const navigation = await page.goto(`${origin}/graphql`);
    expect(navigation?.status()).toBe(200);
    expect(await page.title()).toBe('amocrm-graphql');

    // GraphiQL opens on examples/recent-leads.graphql; run it as a user would, without typing
    // (keystrokes into Monaco race its auto-closing brackets on a busy machine).
    const editor = page.locator('.graphiql-query-editor .monaco-editor');
    await editor.locator('.view-lines').waitFor({ timeout: 45_000 });
    await expect.poll(() => monacoText(editor), { timeout: 15_000 }).toContain('query RecentLeads');
    const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/graphql', { timeout: 30_000 });
    await page.locator('.graphiql-execute-button').click();
    const body = await (await answered).json();
    const newest = stack.sandbox.store.leads
      .values()
      .filter((lead) => !lead.is_deleted)
      .sort((a, b) => b.created_at - a.created_at || b.id - a.id)
      .slice(0, 5)
      .map((lead) => lead.id);
    expect(body.errors).toBeUndefined();
    expect(body.data.leads.nodes.map((node: { amoId: number }) => node.amoId)).toEqual(newest);
    // And the result pane shows it.
    const response = page.locator('.graphiql-response .monaco-editor');
    await expect.poll(() => monacoText(response), { timeout: 30_000 }).toContain(`"amoId": ${newest[0]}`);

    // Monaco's language services run in workers loaded from our asset URLs.
    await expect.poll(() => workers.some((path) => path.endsWith('/graphql.worker.js')), { timeout: 15_000 }).toBe(true);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}graphiql.png` });
    await context.close();

    expect([...foreign]).toEqual([]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);
});

async function monacoText(editor: ReturnType<import('playwright-core').Page['locator']>): Promise<string> {
  // Monaco renders spaces as U+00A0.
  return (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ').trim();
}

