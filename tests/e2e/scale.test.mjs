// A large catalogue: the bundled certifications plus 500 synthetic ones (scripts/scale-dist.mjs:
// the same build, another data/ folder). The list shows a page of cards and adds more on
// request (focus on the first card added), search reaches competencies of any fiche, a fiche
// opens, and the page passes axe. Timings are benchmarks (`make bench`), not tested here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaleDist } from '../../scripts/scale-dist.mjs';
import { checkA11y, ROOT, useApp, waitForApp } from './harness.mjs';
import { CODES } from './data.mjs';

const SYNTHETIC = 500;
const dist = scaleDist(SYNTHETIC, join(ROOT, 'target', `scale-${SYNTHETIC}`));
const app = useApp({ root: dist });
const TOTAL = SYNTHETIC + CODES.length;
const PAGE = 24;

test(`${TOTAL} certifications: a page of cards, more on request, search, a fiche`, async (t) => {
  const { page, watch } = await app.newPage(t);
  await app.goto(page, '/');
  await waitForApp(page);
  await page.getByTestId('results-count').getByText(`${TOTAL} certifications`).waitFor();
  const cards = page.getByTestId('cert-card');
  assert.equal(await cards.count(), PAGE, 'one page of cards');
  const more = page.getByRole('button', { name: `Afficher ${PAGE} certifications de plus (${TOTAL - PAGE} restantes)` });
  await more.click();
  await page.getByRole('button', { name: `Afficher ${PAGE} certifications de plus (${TOTAL - 2 * PAGE} restantes)` }).waitFor();
  assert.equal(await cards.count(), 2 * PAGE, 'two pages');
  assert.equal(
    await page.evaluate(() => [...document.querySelectorAll('.cards > li')].indexOf(document.activeElement.closest('li'))),
    PAGE,
    'the focus is on the first card added',
  );
  await checkA11y(page, 'large catalogue');

  // The rarest word of one synthetic fiche's competencies finds that fiche (among the few
  // others that use it; synthetic texts share one vocabulary), and says why.
  const index = readFileSync(join(dist, 'data', 'search.json'), 'utf8').toLowerCase();
  const fiche = JSON.parse(readFileSync(join(dist, 'data', 'fiches', 'RNCP900123.json'), 'utf8'));
  const [word] = fiche.blocs
    .flatMap((b) => b.competencies.flatMap((c) => c.label.split(/[^\p{L}]+/u)))
    .filter((w) => w.length >= 7)
    .map((w) => [w, index.split(w.toLowerCase()).length])
    .sort((a, b) => a[1] - b[1])[0];
  await page.getByLabel('Rechercher une certification').fill(word);
  const card = page.locator('[data-testid="cert-card"][data-code="RNCP900123"]');
  await page.getByTestId('results-count').getByText(/^\d+ certifications?$/).waitFor();
  while (!(await card.count())) await page.getByTestId('show-more').click();
  await card.getByText(/Compétence/).first().waitFor();
  await card.getByRole('link').first().click();
  await page.locator('[data-testid="fiche"][data-code="RNCP900123"] [data-testid="fiche-body"]').waitFor();
  await page.getByRole('heading', { level: 1, name: fiche.title }).waitFor();
  watch.assertClean();
});
