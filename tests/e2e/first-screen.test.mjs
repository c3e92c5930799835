// The first screen before the wasm: the build writes the catalogue's markup into index.html
// (scripts/prerender.mjs). Without JavaScript the catalogue is there; with it, the app takes
// over without a flash or a layout shift, keeps what was typed in the search box meanwhile, and
// a deep link never paints the catalogue first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitForApp } from './harness.mjs';
import { CODES } from './data.mjs';

const app = useApp();

/** The day the statuses of the prerendered screen were computed. */
async function prerenderDay(page) {
  return page.locator('meta[name="repere-prerendered"]').getAttribute('content');
}

const cardTexts = (page) =>
  page.getByTestId('cert-card').evaluateAll((cards) => cards.map((c) => `${c.dataset.code}: ${c.innerText.replace(/\s+/g, ' ')}`));

test('without JavaScript the catalogue is visible, the same cards the app shows', async (t) => {
  const { page } = await app.newPage(t, { javaScriptEnabled: false });
  await app.goto(page, '/');
  await page.getByRole('heading', { level: 1, name: 'Catalogue des certifications' }).waitFor();
  const still = await cardTexts(page);
  assert.equal(still.length, CODES.length, 'every certification has its card');
  assert.ok(await page.getByLabel('Rechercher une certification').isVisible());
  const day = await prerenderDay(page);
  assert.match(day, /^\d{4}-\d{2}-\d{2}$/);

  // The app, on the same day, renders the same cards in the same order.
  const live = await app.newPage(t, { clock: `${day}T12:00:00+01:00` });
  await app.goto(live.page, '/');
  await waitForApp(live.page);
  assert.equal(await live.page.locator('#prerender').count(), 0, 'the static copy is gone once the app runs');
  assert.deepEqual(await cardTexts(live.page), still);
  live.watch.assertClean();
});

test('the app takes over without layout shift and keeps a search typed before the wasm arrived', async (t) => {
  const { context, page, watch } = await app.newPage(t);
  // Hold the wasm until the visitor has typed in the static search box.
  let release;
  const typed = new Promise((resolve) => {
    release = resolve;
  });
  await context.route('**/*.wasm', async (route) => {
    await typed;
    await route.continue();
  });
  await context.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(app.url('/'), { waitUntil: 'domcontentloaded' });
  const box = page.locator('#prerender').getByLabel('Rechercher une certification');
  await box.waitFor();
  assert.equal(await page.evaluate(() => document.body.dataset.appReady), undefined, 'the wasm is not there yet');
  await box.fill('K1204');
  release();
  await waitForApp(page);
  await page.waitForFunction(() => location.hash.includes('q=K1204'));
  assert.equal(await page.getByLabel('Rechercher une certification').inputValue(), 'K1204');
  // The visitor was typing: the focus goes on in the app's search box.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-input');
  await page.getByTestId('reasons').first().waitFor();
  const shift = await page.evaluate(() => window.__shift);
  assert.ok(shift <= 0.02, `cumulative layout shift ${shift}`);
  watch.assertClean();
});

test('a deep link to a fiche never paints the catalogue first', async (t) => {
  const { context, page, watch } = await app.newPage(t);
  let release;
  const checked = new Promise((resolve) => {
    release = resolve;
  });
  await context.route('**/*.wasm', async (route) => {
    await checked;
    await route.continue();
  });
  await page.goto(app.url('/#/fiche/RNCP37722'), { waitUntil: 'domcontentloaded' });
  assert.equal(await page.locator('#prerender').evaluate((el) => getComputedStyle(el).display), 'none');
  assert.equal(await page.getByTestId('cert-card').first().isVisible(), false);
  release();
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: /Agent de médiation, information, services/ }).waitFor();
  watch.assertClean();
});
