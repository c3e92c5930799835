// Shared harness for the end-to-end tests (Node's built-in test runner + playwright-core driving
// the system Chromium; nothing is downloaded at test time).
//
// Usage in a `*.test.mjs` file:
//
//   import { test } from 'node:test';
//   import { useApp, waitForApp, checkA11y } from './harness.mjs';
//
//   const app = useApp();                       // one server + one browser for the file
//   test('catalogue', async (t) => {
//     const { page, watch } = await app.newPage(t);   // fresh context, closed after the test
//     await app.goto(page, '/#/catalogue');
//     await waitForApp(page);
//     ...
//     await checkA11y(page, 'catalogue');
//     watch.assertClean();                       // no console error, no failed or foreign request
//   });
//
// Environment: DIST (default `dist`) is the folder served; CHROMIUM (default `/usr/bin/chromium`);
// E2E_SLOWMO (ms) and E2E_HEADED=1 help when debugging locally.

import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

export { CHROMIUM, CHROMIUM_ARGS };

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = resolve(ROOT, process.env.DIST ?? 'dist');
const AXE_PATH = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
let axeSource;
const AXE_SOURCE = () => (axeSource ??= readFileSync(AXE_PATH, 'utf8'));


/**
 * The day every test lives on, the same as the native tests' pinned `today`: the browser clock
 * is fixed to it before any page loads (certification statuses depend on the date). A test that
 * is about time passes its own `clock` to `newPage`.
 */
export const TODAY = '2026-11-22';
export const PINNED_CLOCK = `${TODAY}T10:00:00+01:00`;

/** How long the wasm app may take to mount (first compile of the module on a slow CI core). */
export const APP_READY_TIMEOUT = 20_000;

/**
 * Launches the system Chromium, headless unless E2E_HEADED=1. Playwright gives it a fresh
 * temporary profile (user-data dir) and deletes it on close.
 */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: run scripts/bootstrap.sh (apt-get install chromium)`);
  }
  const headed = process.env.E2E_HEADED === '1';
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !headed,
    args: [...CHROMIUM_ARGS, ...(headed ? [] : ['--headless'])],
    slowMo: Number(process.env.E2E_SLOWMO ?? 0),
  });
  return browser;
}

/**
 * Registers `before`/`after` hooks that start one static server on `dist/` and one browser for
 * the current test file. Returns `{ url(path), goto(page, path), newPage(t, options), deploy(root),
 * browser }`.
 */
export function useApp({ root = DIST } = {}) {
  const state = { server: null, browser: null };
  before(async () => {
    if (!existsSync(join(root, 'index.html'))) {
      throw new Error(`${root}/index.html is missing: build first (make build)`);
    }
    state.server = await startServer({ root });
    state.browser = await launchBrowser();
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  const url = (path = '/') => state.server.url + (path.startsWith('/') ? path : `/${path}`);
  return {
    get browser() {
      return state.browser;
    },
    get origin() {
      return state.server.url;
    },
    url,
    /** Serves another build from now on, at the same address (see `startServer`'s `deploy`). */
    deploy(next) {
      state.server.deploy(next);
    },
    /**
     * `page.goto` on the test server; fails on an HTTP error status. When only the hash changes
     * the browser navigates within the document: there is no response then (null is returned),
     * and the app reacts to `hashchange`. Use `page.reload()` to prove a deep link survives a load.
     */
    async goto(page, path = '/') {
      const response = await page.goto(url(path), { waitUntil: 'load' });
      if (response) assert.ok(response.ok(), `${path} answered HTTP ${response.status()}`);
      return response;
    },
    /**
     * A fresh browser context (empty storage, French locale, the clock fixed on PINNED_CLOCK or
     * on `options.clock`) and a page in it, watched for errors. Closed automatically when test
     * `t` ends. Other `options` go to `browser.newContext`.
     */
    async newPage(t, { clock = PINNED_CLOCK, ...options } = {}) {
      const context = await state.browser.newContext({
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        serviceWorkers: 'allow',
        ...options,
      });
      // `Date` is fixed, timers keep running (the autosave debounce, the app's own waits).
      await context.clock.setFixedTime(new Date(clock));
      const watch = await watchContext(context, state.server.url);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      t?.after(() => context.close());
      return { context, page, watch };
    },
  };
}

/**
 * Watches a context: console errors, uncaught page errors, failed requests, HTTP errors, Content
 * Security Policy violations (in every frame) and any request that leaves `origin` (privacy
 * rule: the app talks to no one but its own host; `origin` may be a list, for the embed test's
 * host page and app). Foreign requests are also aborted, so nothing ever leaves the machine even
 * if the rule is broken.
 *
 * `watch.assertClean({ allowConsole: [/regex/], allowHttp: [/regex/] })` fails listing them all.
 */
export async function watchContext(context, origin) {
  const problems = { console: [], pageErrors: [], failed: [], http: [], foreign: [], csp: [] };
  const allowedOrigins = new Set([origin].flat().map((o) => new URL(o).origin));
  const isForeign = (u) => {
    try {
      const parsed = new URL(u);
      if (['data:', 'blob:', 'about:', 'chrome-extension:'].includes(parsed.protocol)) return false;
      return !allowedOrigins.has(parsed.origin);
    } catch {
      return true;
    }
  };
  // Every document (frames included) reports Content Security Policy violations on the console
  // with a marker; they are listed apart and no `allow*` option excuses them.
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        console.error(
          `[csp-violation] ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${e.documentURI}` +
            `${e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : ''}${e.sample ? ` sample: ${e.sample}` : ''}`,
        );
      },
      true,
    );
  });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (isForeign(u)) {
      problems.foreign.push(`${route.request().method()} ${u}`);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  const watchPage = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        // Our listener's reports, and Chromium's own "Refused to … Content Security Policy".
        if (msg.text().startsWith('[csp-violation]') || /Content Security Policy/.test(msg.text())) {
          problems.csp.push(msg.text());
          return;
        }
        const loc = msg.location();
        if (loc?.url && isForeign(loc.url)) return; // the foreign request we aborted, listed apart
        problems.console.push(`${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
      }
    });
    page.on('pageerror', (err) => problems.pageErrors.push(err.stack ?? String(err)));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.on('requestfailed', (req) => {
    if (isForeign(req.url())) return; // already recorded, we aborted it
    problems.failed.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
  });
  context.on('response', (res) => {
    if (res.status() >= 400) problems.http.push(`${res.status()} ${res.request().method()} ${res.url()}`);
  });
  return {
    problems,
    /** Fails if anything went wrong so far. Regexes in `allow*` excuse matching entries. */
    assertClean({ allowConsole = [], allowHttp = [], allowFailed = [] } = {}) {
      const keep = (list, allow) => list.filter((x) => !allow.some((re) => re.test(x)));
      const report = {
        'requests to another origin (privacy rule)': problems.foreign,
        'Content Security Policy violations': problems.csp,
        'uncaught page errors': problems.pageErrors,
        'console errors': keep(problems.console, allowConsole),
        'failed requests': keep(problems.failed, allowFailed),
        'HTTP errors': keep(problems.http, allowHttp),
      };
      const lines = Object.entries(report)
        .filter(([, list]) => list.length > 0)
        .map(([what, list]) => `${what}:\n${list.map((x) => `  - ${x}`).join('\n')}`);
      assert.ok(lines.length === 0, `the page was not clean:\n${lines.join('\n')}`);
    },
  };
}

/**
 * Waits until the wasm app has mounted: the UI sets `<body data-app-ready="true">` once its
 * first render is in the DOM; and until nothing on the page is `aria-busy` (a fiche whose file
 * is still on its way).
 */
export async function waitForApp(page, { timeout = APP_READY_TIMEOUT } = {}) {
  try {
    await page.waitForSelector('body[data-app-ready="true"]', { state: 'attached', timeout });
    // A page still fetching what it shows (a fiche's file) says so with aria-busy.
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout });
  } catch (err) {
    let body;
    try {
      body = await page.evaluate(() => document.body?.outerHTML.slice(0, 500) ?? '(no body)');
    } catch {
      body = '(page gone)';
    }
    throw new Error(
      `the app did not mount within ${timeout} ms (no body[data-app-ready="true"]).\n` +
        `Body starts with: ${body}\n${err.message}`,
    );
  }
}

/**
 * The work the app saved in local storage, once no save is pending: the app marks
 * `<body data-autosave>` "pending" on a change and "saved" once storage holds it (see
 * `ui::work`). Returns the parsed JSON, or null when nothing is stored.
 */
export async function savedWork(page) {
  await page.waitForFunction(() => ['saved', 'failed'].includes(document.body?.dataset.autosave));
  const raw = await page.evaluate(() => localStorage.getItem('repere.work'));
  return raw ? JSON.parse(raw) : null;
}

/** WCAG 2.1 A and AA, the level the French RGAA maps to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on the page (or a Playwright Frame) as it is now and fails listing every violation
 * (rule id, impact, offending elements). `label` names the state checked (e.g. 'fiche, dark theme').
 * `options.exclude`: CSS selectors to leave out; `options.disable`: rule ids to skip (say why).
 */
export async function checkA11y(page, label, { exclude = [], disable = [] } = {}) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  // Evaluated through the DevTools protocol, not added as an inline <script>: the app's
  // Content Security Policy rightly refuses inline scripts it has no hash for.
  if (!hasAxe) await page.evaluate(`${AXE_SOURCE()}\n;0`);
  const results = await page.evaluate(
    async ({ tags, exclude, disable }) => {
      const context = exclude.length ? { exclude: exclude.map((s) => [s]) } : document;
      const rules = Object.fromEntries(disable.map((id) => [id, { enabled: false }]));
      // Frames are documents of their own: a test checks each with checkA11y(frame).
      const r = await window.axe.run(context, { runOnly: { type: 'tag', values: tags }, rules, iframes: false });
      return {
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => n.target.join(' ')),
          summary: v.nodes[0]?.failureSummary ?? '',
        })),
        passes: r.passes.length,
      };
    },
    { tags: AXE_TAGS, exclude, disable },
  );
  const text = results.violations
    .map(
      (v) =>
        `- ${v.id} [${v.impact}] ${v.help}\n    on: ${v.targets.slice(0, 10).join(' | ')}` +
        `${v.targets.length > 10 ? ` (+${v.targets.length - 10} more)` : ''}\n    ${v.summary.replace(/\n/g, '\n    ')}`,
    )
    .join('\n');
  assert.equal(
    results.violations.length,
    0,
    `axe (WCAG 2.1 AA) found ${results.violations.length} violation(s) on "${label}":\n${text}`,
  );
  return results;
}
