// The explorer as a user meets it: catalogue cards and statuses, search with reasons, filters in
// the URL with a working back button, fiche deep links that survive a reload on a static host,
// the language switch (remembered), the not-found page, small screens, keyboard — and axe on
// every page, in both languages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, useApp, waitForApp } from './harness.mjs';
import { CataloguePage } from './pages.mjs';
import { CERTIFICATIONS, CODES, shape } from './data.mjs';

const app = useApp();

const STATUSES = {
  RNCP36524: /Expirée depuis le 01\/06\/2024/,
  RNCP37722: /Active jusqu’au 02\/07\/2028/,
  RNCP41674: /Active jusqu’au/,
  RNCP36241: /Active jusqu’au 16\/05\/2027/,
  RNCP2383: /Remplacée par RNCP36241/,
};

test('catalogue shows a card per certification with its status, blocs and competencies', async (t) => {
  const { page, watch } = await app.newPage(t);
  const cat = new CataloguePage(page, app);
  await cat.open();
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Catalogue des certifications' }).waitFor());
  assert.deepEqual((await cat.codes()).sort(), [...CODES].sort());
  for (const [code, status] of Object.entries(STATUSES)) {
    const card = cat.card(code);
    assert.match(await card.getByTestId('status').innerText(), status, code);
  }
  for (const code of CODES) {
    const { blocs, competencies } = shape(code);
    assert.match(await cat.card(code).innerText(), new RegExp(`${blocs} blocs? · ${competencies} compétences?`), code);
  }
  await checkA11y(page, 'catalogue FR');
  watch.assertClean();
});

test('status follows the date: with the clock past 16/05/2027, RNCP36241 is shown expired', async (t) => {
  const { page, watch } = await app.newPage(t, { clock: '2027-06-01T10:00:00+02:00' });
  const cat = new CataloguePage(page, app);
  await cat.open();
  assert.match(await cat.card('RNCP36241').getByTestId('status').innerText(), /Expirée depuis le 16\/05\/2027/);
  assert.match(await cat.card('RNCP37722').getByTestId('status').innerText(), /Active jusqu’au 02\/07\/2028/);
  await page.getByLabel('Statut').selectOption('expired');
  await page.waitForFunction(() => location.hash.includes('statut=expired'));
  assert.ok((await cat.codes()).includes('RNCP36241'), 'the expired filter finds it');
  await app.goto(page, '/#/fiche/RNCP36241');
  await waitForApp(page);
  assert.match(await page.getByTestId('status').first().innerText(), /Expirée depuis le 16\/05\/2027/);
  watch.assertClean();
});

// query → a word each result's reasons must show; then the exact result sets.
const SEARCHES = [
  ['conflit', /conflit|conflictuel/i],
  ['numérique', /numérique/i],
  ['K1204', /K1204/],
];
const EXPECTED = {
  conflit: ['RNCP2383', 'RNCP36241', 'RNCP36524', 'RNCP37722', 'RNCP41674'],
  numerique: ['RNCP36241', 'RNCP36524', 'RNCP41674'],
  K1204: ['RNCP36524', 'RNCP37722', 'RNCP41674'],
};

test('search: conflit, numérique and K1204 find the right certifications with the reason', async (t) => {
  const { page, watch } = await app.newPage(t);
  const cat = new CataloguePage(page, app);
  await cat.open();
  for (const [query, word] of SEARCHES) {
    await cat.search(query);
    const codes = await cat.codes();
    assert.ok(codes.length > 0, `${query}: some results`);
    for (const code of codes) {
      const reasons = cat.card(code).getByTestId('reasons');
      assert.match(await reasons.innerText(), word, `${query}: ${code} says why`);
      assert.ok((await reasons.locator('mark').count()) > 0, `${query}: ${code} highlights the match`);
    }
    await checkA11y(page, `catalogue search ${query}`);
  }
  // Exact expectations from the data (the same table as tests/search_data.rs).
  for (const [query, expected] of Object.entries(EXPECTED)) {
    await cat.search(query);
    assert.deepEqual((await cat.codes()).sort(), [...expected].sort(), query);
  }
  await cat.search('mediation');
  assert.equal(await cat.cards().count(), CODES.length, 'accent-insensitive: mediation finds médiation everywhere');
  await cat.search('zzzz introuvable');
  await page.getByText('Aucune certification ne correspond').waitFor();
  watch.assertClean();
});

test('search and filters live in the URL: shareable, and the back button works', async (t) => {
  const { page, watch } = await app.newPage(t);
  const cat = new CataloguePage(page, app);
  await cat.open('#/?q=conflit&niveau=3');
  // A search from the URL runs once the search file has arrived and its index is built.
  await page.locator('form[role="search"][data-search="ready"]').waitFor();
  assert.equal(await page.getByLabel('Rechercher une certification').inputValue(), 'conflit');
  assert.equal(await page.getByLabel('Niveau', { exact: true }).inputValue(), '3');
  for (const code of await cat.codes()) assert.match(await cat.card(code).innerText(), /Niveau\s*:?\s*3/);
  await page.getByLabel('Statut').selectOption('expired');
  await page.waitForFunction(() => location.hash.includes('statut=expired'));
  await page.waitForFunction(() => {
    const codes = [...document.querySelectorAll('[data-testid="cert-card"]')].map((e) => e.dataset.code);
    return codes.length === 1;
  });
  assert.deepEqual(await cat.codes(), ['RNCP36524']);
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('statut='));
  assert.equal(await page.getByLabel('Statut').inputValue(), '');
  assert.ok((await cat.codes()).length > 1);
  // Open a fiche from the results, then come back to the same search.
  await cat.card('RNCP37722').getByRole('link').first().click();
  await page.getByRole('heading', { level: 1, name: /Agent de médiation, information, services/ }).waitFor();
  await page.goBack();
  await page.getByLabel('Rechercher une certification').waitFor();
  assert.equal(await page.getByLabel('Rechercher une certification').inputValue(), 'conflit');
  watch.assertClean();
});

test('filters by job (ROME) and training field (NSF), from the data, in the URL', async (t) => {
  const { page, watch } = await app.newPage(t);
  const cat = new CataloguePage(page, app);
  await cat.open();
  const withCode = (field, code) =>
    CERTIFICATIONS.filter((c) => (c[field] ?? []).some((x) => x.code === code)).map((c) => c.code).sort();
  await page.getByLabel('Métier (ROME)').selectOption('K1205');
  await page.waitForFunction(() => location.hash.includes('rome=K1205'));
  assert.deepEqual((await cat.codes()).sort(), withCode('rome', 'K1205'));
  await page.getByLabel('Domaine (NSF)').selectOption('332t');
  await page.waitForFunction(() => location.hash.includes('nsf=332t'));
  const both = withCode('rome', 'K1205').filter((c) => withCode('nsf', '332t').includes(c));
  assert.deepEqual((await cat.codes()).sort(), both);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByLabel('Métier (ROME)').inputValue(), 'K1205');
  assert.deepEqual((await cat.codes()).sort(), both);
  await checkA11y(page, 'catalogue filtered by ROME and NSF');
  watch.assertClean();
});

test('320 px: the filters fold behind a button, the results come right after the search box', async (t) => {
  const { page, watch } = await app.newPage(t, { viewport: { width: 320, height: 640 } });
  const cat = new CataloguePage(page, app);
  await cat.open();
  const toggle = page.getByRole('button', { name: 'Filtres' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByLabel('Statut').isVisible(), false, 'folded');
  const search = await page.getByLabel('Rechercher une certification').boundingBox();
  const count = await page.getByTestId('results-count').boundingBox();
  assert.ok(count.y - (search.y + search.height) < 200, `results right after the search box (${count.y})`);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.getByLabel('Statut').selectOption('expired');
  await page.waitForFunction(() => location.hash.includes('statut=expired'));
  // A link with a filter set opens with the filters unfolded, the button saying how many.
  await page.reload();
  await waitForApp(page);
  const set = page.getByRole('button', { name: 'Filtres (1 actif)' });
  assert.equal(await set.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.getByLabel('Statut').inputValue(), 'expired');
  await checkA11y(page, 'catalogue at 320 px, filters unfolded');
  watch.assertClean();
});

test('a fiche deep link survives a reload and shows blocs, competencies and assessment', async (t) => {
  const { page, watch } = await app.newPage(t);
  await app.goto(page, '/#/fiche/RNCP37722');
  await waitForApp(page);
  const h1 = page.getByRole('heading', { level: 1 });
  assert.match(await h1.innerText(), /Agent de médiation, information, services/);
  await page.reload();
  await waitForApp(page);
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Agent de médiation, information, services/);
  assert.match(await page.title(), /RNCP37722/);
  await page.getByTestId('fiche-body').waitFor();
  assert.equal(await page.getByTestId('bloc').count(), 3);
  const bc02 = page.locator('[data-testid="bloc"][data-code="RNCP37722BC02"]');
  assert.ok((await bc02.locator('.competency').count()) >= 3);
  assert.match(await bc02.innerText(), /Modalités d’évaluation/);
  await page.getByRole('heading', { name: 'Statistiques' }).waitFor();
  await page.getByRole('heading', { name: 'Historique' }).waitFor();
  await checkA11y(page, 'fiche RNCP37722 FR');
  watch.assertClean();
});

test('lineage: RNCP2383 links inside the app to RNCP36241, others to the official fiche', async (t) => {
  const { page, watch } = await app.newPage(t);
  await app.goto(page, '/#/fiche/RNCP2383');
  await waitForApp(page);
  assert.match(await page.getByTestId('status').first().innerText(), /Remplacée par RNCP36241/);
  await page.getByTestId('lineage-internal').first().click();
  await page.waitForFunction(() => location.hash === '#/fiche/RNCP36241');
  await page.getByTestId('reconstructed').waitFor();
  assert.match(await page.getByTestId('reconstructed').innerText(), /francecompetences\.fr/);
  assert.match(
    await page.getByTestId('reconstructed').getByRole('link').getAttribute('href'),
    /^https:\/\/www\.francecompetences\.fr\/recherche\/rncp\/36241\/$/,
  );
  await checkA11y(page, 'fiche RNCP36241 (reconstructed)');
  await app.goto(page, '/#/fiche/RNCP36524');
  await waitForApp(page);
  const official = page.getByTestId('lineage-official');
  assert.match(await official.first().getAttribute('href'), /francecompetences\.fr\/recherche\/rncp\/32164\//);
  watch.assertClean();
});

test('an unknown certification code shows a helpful page with a way back', async (t) => {
  const { page, watch } = await app.newPage(t);
  await app.goto(page, '/#/fiche/RNCP99999');
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
  assert.match(await page.getByTestId('not-found').innerText(), /RNCP99999/);
  await checkA11y(page, 'not found');
  await page.getByRole('link', { name: 'Retour au catalogue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Catalogue des certifications' }).waitFor();
  await app.goto(page, '/#/nimporte/quoi');
  await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
  watch.assertClean();
});

test('switching to English and back works, is remembered, and both languages pass axe', async (t) => {
  const { page, watch } = await app.newPage(t);
  await app.goto(page, '/#/fiche/RNCP41674');
  await waitForApp(page);
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.getByRole('heading', { name: 'Key facts' }).waitFor();
  await checkA11y(page, 'fiche EN');
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'remembered after reload');
  await page.getByRole('link', { name: 'Back to the catalogue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Certification catalogue' }).waitFor();
  await page.getByLabel('Search for a certification').fill('conflit');
  await page.getByTestId('reasons').first().waitFor();
  await checkA11y(page, 'catalogue EN with search');
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  await page.getByRole('heading', { level: 1, name: 'Catalogue des certifications' }).waitFor();
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  watch.assertClean();
});

test('320 px wide: no horizontal scrolling, and keyboard alone reaches a fiche', async (t) => {
  const { page, watch } = await app.newPage(t, { viewport: { width: 320, height: 640 } });
  const cat = new CataloguePage(page, app);
  await cat.open();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `catalogue overflows by ${overflow}px at 320px`);
  // Keyboard: skip link first, then into the search box, then to the first card's link.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  await page.getByLabel('Rechercher une certification').focus();
  await page.keyboard.type('K1204');
  await page.waitForFunction(() => location.hash.includes('q=K1204'));
  const link = cat.cards().first().getByRole('link').first();
  await link.focus();
  const outline = await link.evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.startsWith('#/fiche/'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new page title');
  const overflowFiche = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflowFiche <= 0, `fiche overflows by ${overflowFiche}px at 320px`);
  await checkA11y(page, 'fiche at 320px');
  watch.assertClean();
});
