// Code splitting (src/ui/split.rs, scripts/split.mjs): the pages a first visit to the catalogue
// does not need come in wasm chunks, fetched when first opened. While a chunk loads the page says
// so (aria-busy); when it cannot be fetched, a translated message and "Réessayer", which works
// once the network is back.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitForApp } from './harness.mjs';

const app = useApp();

test('a page whose chunk cannot be fetched says so, and "Réessayer" loads it', async (t) => {
  const { context, page, watch } = await app.newPage(t);
  // No service worker here: it would precache the chunk before the test cuts it off.
  await context.route('**/sw.js', (route) => route.abort());
  let blocked = true;
  await context.route(/\/split_my_data-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  await app.goto(page, '/#/donnees');
  await page.getByTestId('page-failed').getByRole('alert').waitFor();
  await page.getByRole('heading', { level: 1, name: 'Page indisponible' }).waitFor();
  blocked = false;
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes données' }).waitFor();
  await waitForApp(page);
  assert.equal(await page.getByTestId('page-failed').count(), 0);
  watch.assertClean({
    allowConsole: [/split_my_data|Failed to fetch|TypeError|page chunk|sw\.js|offline mode unavailable|ERR_FAILED|error occurred when fetching the script/],
    allowFailed: [/split_my_data|sw\.js/],
  });
});

test('a page whose stylesheet cannot be fetched is not shown unstyled: it says so, and "Réessayer" loads it', async (t) => {
  const { context, page, watch } = await app.newPage(t);
  await context.route('**/sw.js', (route) => route.abort());
  let blocked = true;
  await context.route(/\/pages-[0-9a-f]+\.css$/, (route) => (blocked ? route.abort() : route.continue()));
  await app.goto(page, '/#/integrer');
  await page.getByTestId('page-failed').getByRole('alert').waitFor();
  assert.equal(await page.locator('.integrate__grid').count(), 0, 'the page is not shown');
  blocked = false;
  await page.getByRole('button', { name: 'Réessayer' }).click();
  await page.getByRole('heading', { level: 1, name: /Intégrer Repère sur votre site/ }).waitFor();
  assert.equal(await page.locator('.integrate__grid').evaluate((e) => getComputedStyle(e).display), 'grid');
  assert.equal(await page.locator('link[rel=stylesheet][href*="/pages-"]').count(), 1, 'one link, not one per attempt');
  watch.assertClean({
    allowConsole: [/pages-[0-9a-f]+\.css|page chunk|sw\.js|offline mode unavailable|ERR_FAILED|error occurred when fetching the script/],
    allowFailed: [/pages-[0-9a-f]+\.css|sw\.js/],
  });
});

test('the catalogue does not fetch any chunk; a page fetches only its own', async (t) => {
  const { context, page, watch } = await app.newPage(t);
  await context.route('**/sw.js', (route) => route.abort());
  const wasm = [];
  const css = [];
  page.on('request', (req) => {
    const name = new URL(req.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm')) wasm.push(name);
    if (name.endsWith('.css') && req.frame() === page.mainFrame()) css.push(name);
  });
  await app.goto(page, '/');
  await waitForApp(page);
  assert.deepEqual(wasm.filter((n) => !/^repere-[0-9a-f]+_bg\.wasm$/.test(n)), [], 'catalogue: the main wasm only');
  assert.deepEqual(css.map((n) => n.replace(/-[0-9a-f]+\.css$/, '')), ['main'], 'catalogue: the main stylesheet only');
  wasm.length = 0;
  await page.getByRole('link', { name: /Intégrer Repère/ }).first().click();
  await page.getByRole('heading', { level: 1, name: /Intégrer Repère sur votre site/ }).waitFor();
  assert.ok(wasm.some((n) => n.startsWith('split_integrate-')), `the integrate chunk: ${wasm}`);
  assert.ok(!wasm.some((n) => n.startsWith('split_assess-')), 'not the assessment chunk');
  // The pages' stylesheet came with the page, and applies (a rule of style/pages.css).
  assert.deepEqual(css.map((n) => n.replace(/-[0-9a-f]+\.css$/, '')), ['main', 'pages']);
  assert.equal(await page.locator('.integrate__grid').evaluate((e) => getComputedStyle(e).display), 'grid');
  watch.assertClean({ allowConsole: [/sw\.js|offline mode unavailable|error occurred when fetching the script/], allowFailed: [/sw\.js/] });
});

test('saved work whose reader cannot be fetched is kept untouched, explained, and back after a reload', async (t) => {
  const { context, page, watch } = await app.newPage(t);
  await context.route('**/sw.js', (route) => route.abort());
  const saved = JSON.stringify({ format: 'repere/assessment', version: 2, selection: ['RNCP36524'], ratings: {} });
  await context.addInitScript((work) => {
    if (!sessionStorage.getItem('e2e.seeded')) {
      sessionStorage.setItem('e2e.seeded', '1');
      localStorage.setItem('repere.work', work);
    }
  }, saved);
  let blocked = true;
  await context.route(/\/split_saved_work-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  await app.goto(page, '/');
  await waitForApp(page);
  await page.getByTestId('notice').filter({ hasText: 'une partie de Repère n’a pas pu être téléchargée' }).waitFor();
  // Working on anyway saves nothing over the saved work.
  await page.locator('[data-testid="cert-card"][data-code="RNCP37722"]').getByRole('button', { name: /Ajouter à ma sélection/ }).click();
  await page.waitForFunction(() => document.body.dataset.autosave === 'saved');
  assert.equal(await page.evaluate(() => localStorage.getItem('repere.work')), saved, 'storage untouched');
  // Once the reader can be fetched, a reload brings the work back.
  blocked = false;
  await page.reload();
  await waitForApp(page);
  await page.getByTestId('selection-bar').locator('.chip[data-code="RNCP36524"]').waitFor();
  assert.equal(await page.getByTestId('notice').filter({ hasText: 'téléchargée' }).count(), 0);
  watch.assertClean({
    allowConsole: [/split_saved_work|Failed to fetch|TypeError|reader unavailable|sw\.js|offline mode unavailable|ERR_FAILED|error occurred when fetching the script/],
    allowFailed: [/split_saved_work|sw\.js/],
  });
});

test('a search whose builder cannot be fetched says so, and works once it can', async (t) => {
  const { context, page, watch } = await app.newPage(t);
  await context.route('**/sw.js', (route) => route.abort());
  let blocked = true;
  await context.route(/\/split_search_builder-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  await app.goto(page, '/');
  await waitForApp(page);
  const box = page.getByLabel('Rechercher une certification');
  await box.fill('conflit');
  await page.getByTestId('results-count').filter({ hasText: 'La recherche n’a pas pu être préparée' }).waitFor();
  assert.equal(await page.getByTestId('cert-card').count(), 0, 'no half results');
  blocked = false;
  await box.fill('conflits');
  await page.locator('form[role="search"][data-search="ready"]').waitFor();
  await page.getByTestId('cert-card').first().waitFor();
  assert.match(await page.getByTestId('results-count').textContent(), /certification/);
  watch.assertClean({
    allowConsole: [/split_search_builder|Failed to fetch|TypeError|builder unavailable|sw\.js|offline mode unavailable|ERR_FAILED|error occurred when fetching the script/],
    allowFailed: [/split_search_builder|sw\.js/],
  });
});

// The UI's messages come in files per language and part (src/i18n,
// data/i18n/<lang>-<part>-<id>.json): the catalogue downloads its language's `start` part only,
// the first page loaded on demand the `pages` part; the switch downloads what the other language
// lacks, and if it cannot, the interface stays as it is and says why.
const TABLE = /\/data\/i18n\/(\w+-\w+)-[0-9a-f]{16}\.json$/;
const tablesOf = (page) => {
  const tables = [];
  page.on('request', (req) => {
    const m = new URL(req.url()).pathname.match(TABLE);
    // The app's own (not those of the builder's preview, the app in a frame).
    if (m && req.frame() === page.mainFrame()) tables.push(m[1]);
  });
  return tables;
};

test('the English messages come with the switch; if they cannot, the interface stays French and says so', async (t) => {
  const { context, page, watch } = await app.newPage(t);
  await context.route('**/sw.js', (route) => route.abort());
  const tables = tablesOf(page);
  let blocked = true;
  await context.route(/\/data\/i18n\/en-\w+-[0-9a-f]{16}\.json$/, (route) => (blocked ? route.abort() : route.continue()));
  await app.goto(page, '/');
  await waitForApp(page);
  assert.deepEqual(tables, ['fr-start'], 'the catalogue downloads the French messages of the first screen only');
  await page.getByTestId('lang-switch').click();
  await page.getByRole('alert').filter({ hasText: 'L’interface n’a pas pu changer de langue' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  await page.getByRole('heading', { level: 1, name: 'Catalogue des certifications' }).waitFor();
  blocked = false;
  await page.getByTestId('lang-switch').click();
  await page.getByRole('heading', { level: 1, name: 'Certification catalogue' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  // A page loaded on demand brings the pages' messages, in the language shown.
  await page.getByRole('link', { name: /Embed Repère/ }).first().click();
  await page.getByRole('heading', { level: 1, name: /Embed Repère on your website/ }).waitFor();
  // Back to French: the French messages of the pages come with the switch.
  await page.getByTestId('lang-switch').click();
  await page.getByRole('heading', { level: 1, name: /Intégrer Repère sur votre site/ }).waitFor();
  assert.deepEqual(tables.filter((n) => n !== 'en-start'), ['fr-start', 'en-pages', 'fr-pages']);
  watch.assertClean({
    allowConsole: [/en-\w+-[0-9a-f]+\.json|messages in en|Failed to fetch|sw\.js|offline mode unavailable|ERR_FAILED|error occurred when fetching the script/],
    allowFailed: [/data\/i18n\/en-|sw\.js/],
  });
});

test('an English interface starts with the English messages; a deep link brings the pages\' ones at once', async (t) => {
  for (const [address, heading, want] of [
    ['/', 'Certification catalogue', ['en-start']],
    ['/#/donnees', 'My data', ['en-pages', 'en-start']],
  ]) {
    const { context, page, watch } = await app.newPage(t);
    await context.route('**/sw.js', (route) => route.abort());
    const tables = tablesOf(page);
    await context.addInitScript(() => localStorage.setItem('repere.lang', 'en'));
    await app.goto(page, address);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    assert.deepEqual(tables.sort(), want, address);
    watch.assertClean({ allowConsole: [/sw\.js|offline mode unavailable|error occurred when fetching the script/], allowFailed: [/sw\.js/] });
  }
});

// A page's timers may fire after the user has left it (here the builder's preview, reloaded
// 400 ms after the settings last changed): they must not touch the page's disposed signals —
// a panic seen once when the offline test went through the pages faster than that.
test('leaving a page before its timers fire is clean (the builder\'s preview timer)', async (t) => {
  const { page, watch } = await app.newPage(t);
  await app.goto(page, '/');
  await waitForApp(page);
  // From here the page's timers run only when the test says so.
  await page.clock.install();
  await page.clock.pauseAt(new Date(Date.parse('2026-11-30T12:00:00Z')));
  await page.evaluate(() => { location.hash = '#/integrer'; });
  await page.getByRole('heading', { level: 1, name: /Intégrer Repère sur votre site/ }).waitFor();
  await page.evaluate(() => { location.hash = '#/'; });
  await page.getByRole('heading', { level: 1, name: 'Catalogue des certifications' }).waitFor();
  await page.clock.runFor(2000);
  await page.getByRole('heading', { level: 1, name: 'Catalogue des certifications' }).waitFor();
  // (The preview frame, taken away with the page, may leave its own downloads aborted.)
  watch.assertClean({ allowFailed: [/: net::ERR_ABORTED$/] });
});
