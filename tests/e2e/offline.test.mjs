// Offline: after one visit, the app (catalogue, a fiche, the user's saved work) keeps working
// with no network at all, thanks to the service worker (public/sw.js).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { savedWork, useApp, waitForApp } from './harness.mjs';
import { CODES } from './data.mjs';

const app = useApp();

test('after one visit every page works offline, deep links and reloads included', async (t) => {
  const { context, page, watch } = await app.newPage(t);
  await app.goto(page, '/');
  await waitForApp(page);
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    // Wait until the worker controls the page (clients.claim) and its cache is filled.
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
    return reg.active?.state;
  });
  await page.locator('[data-testid="cert-card"][data-code="RNCP41674"] [data-testid="select-toggle"]').click();
  assert.deepEqual((await savedWork(page)).selection, ['RNCP41674'], 'saved before going offline');

  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  assert.equal(await page.getByTestId('cert-card').count(), CODES.length, 'catalogue offline');
  await page.goto(app.url('/#/fiche/RNCP36524'));
  await page.getByRole('heading', { level: 1, name: /Agent d’information/ }).waitFor();
  const chips = await page.locator('[data-testid="selection-bar"] .chip').count();
  assert.equal(chips, 1, 'saved work restored offline');
  // Every page opens offline, and a reload on a deep page too.
  const pages = [
    ['#/bilan/RNCP41674', /Évaluer mes compétences/],
    ['#/experiences', /Mes expériences/],
    ['#/resultats', /Mes résultats/],
    ['#/comparer', /Comparer mes certifications/],
    ['#/rapport', /Rapport de positionnement/],
    ['#/donnees', /Mes données/],
    ['#/nimporte/quoi', /Page introuvable/],
  ];
  for (const [hash, title] of pages) {
    await page.goto(app.url(`/${hash}`));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }
  await page.goto(app.url('/#/resultats'));
  await page.reload();
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: 'Mes résultats' }).waitFor();
  await context.setOffline(false);
  // The service worker tries the network first for the page, then answers from its cache.
  watch.assertClean({ allowConsole: [/ERR_INTERNET_DISCONNECTED/], allowFailed: [/ERR_INTERNET_DISCONNECTED/] });
});
