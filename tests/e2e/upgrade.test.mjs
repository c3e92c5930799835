// A new deployment replaces the previous one in the user's browser: visit build A, deploy build
// B at the same address, reload: B runs, A's files are gone from the cache, the fiches the user
// had offline are kept (in B's version), and offline still works.
//
// Build B is build A with one file under a new name (the CSS, as Trunk names a changed file; its
// content is kept, so that its integrity attribute still holds), then `scripts/sw.mjs` run on it as `make build` does: a new build id, so a new worker.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, useApp, waitForApp } from './harness.mjs';

const work = mkdtempSync(join(tmpdir(), 'repere-upgrade-'));
const A = join(work, 'a');
const B = join(work, 'b');
cpSync(DIST, A, { recursive: true });
cpSync(DIST, B, { recursive: true });
const cssA = readdirSync(A).find((f) => /^main-.*\.css$/.test(f));
const cssB = cssA.replace(/^main-[^.]+/, 'main-0000000000000b0b');
renameSync(join(B, cssA), join(B, cssB));
writeFileSync(join(B, 'index.html'), readFileSync(join(A, 'index.html'), 'utf8').replaceAll(cssA, cssB));
execFileSync(process.execPath, [join(ROOT, 'scripts/sw.mjs'), B]);
// The worker's first line (kept by the minifier) names its build.
const buildOf = (dir) => /^\/\/ Repère service worker, build ([0-9a-f]+)$/m.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))[1];

const app = useApp({ root: A });
test.after(() => rmSync(work, { recursive: true, force: true }));

/** The page's caches: `{ name: [paths] }`. */
const cacheContents = (page) =>
  page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
    }
    return out;
  });

test('a new deployment replaces the previous build in the cache, and offline still works', async (t) => {
  const [buildA, buildB] = [buildOf(A), buildOf(B)];
  assert.notEqual(buildA, buildB, 'a changed file makes a new build id');
  const { context, page, watch } = await app.newPage(t);
  await app.goto(page, '/#/fiche/RNCP37722');
  await page.getByTestId('fiche-body').waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  // The fiche was fetched before the worker controlled the page: open it again to cache it.
  await page.reload();
  await page.getByTestId('fiche-body').waitFor();
  // The worker stores a fiche before answering with it: it is in the cache by now.
  const before = await cacheContents(page);
  assert.deepEqual(Object.keys(before).sort(), [`repere-app-${buildA}`, `repere-data-${buildA}`]);
  assert.ok(before[`repere-app-${buildA}`].includes(`/${cssA}`), 'A is cached');

  app.deploy(B);
  await page.reload();
  await waitForApp(page);
  // The browser finds the new worker on this navigation (asked again here, so that the test
  // knows when): it installs, then activates, which cleans up before its state is "activated".
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg.update();
    const worker = reg.installing || reg.waiting || reg.active;
    if (worker.state !== 'activated') {
      await new Promise((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    }
  });
  const after = await cacheContents(page);
  const shell = after[`repere-app-${buildB}`];
  assert.ok(shell, `caches after the upgrade: ${JSON.stringify(after)}`);
  assert.ok(shell.includes(`/${cssB}`), "B's files are cached");
  assert.ok(!shell.includes(`/${cssA}`), "A's files are gone");
  assert.ok(after[`repere-data-${buildB}`].includes('/data/fiches/RNCP37722.json'), 'the fiche opened under A is kept');

  // B runs (its stylesheet), and offline too, from B's cache.
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator(`link[href$="${cssB}"]`).count(), 1, 'B is the page now');
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.locator(`link[href$="${cssB}"]`).count(), 1, 'B offline');
  await page.goto(app.url('/#/fiche/RNCP37722'));
  await page.getByTestId('fiche-body').waitFor();
  await context.setOffline(false);
  watch.assertClean({ allowConsole: [/ERR_INTERNET_DISCONNECTED/], allowFailed: [/ERR_INTERNET_DISCONNECTED/] });
});
