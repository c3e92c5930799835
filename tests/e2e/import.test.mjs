// The importer's output is data the app takes as it is: the three real fiches of the RNCP
// export sample (tests/fixtures/), imported by `rncp-import`, added to the catalogue
// (scripts/scale-dist.mjs), then found in the catalogue, opened, selected and assessed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { scaleDist } from '../../scripts/scale-dist.mjs';
import { checkA11y, ROOT, savedWork, useApp, waitForApp } from './harness.mjs';
import { CODES } from './data.mjs';

const work = join(ROOT, 'target', 'e2e-import');
const imported = join(work, 'imported');
rmSync(work, { recursive: true, force: true });
execFileSync(
  'cargo',
  ['run', '--quiet', '--offline', '--bin', 'rncp-import', '--', join(ROOT, 'tests/fixtures/rncp-export-v4.1-sample.xml'), '--out', imported],
  { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
);
const files = readdirSync(imported).filter((f) => f.endsWith('.json'));
const fiches = files.map((f) => JSON.parse(readFileSync(join(imported, f), 'utf8')));
const app = useApp({ root: scaleDist(0, join(work, 'app'), { extra: [imported] }) });

test('the three imported sample fiches: catalogue, fiche, selection and assessment', async (t) => {
  assert.equal(fiches.length, 3, 'the sample holds three fiches');
  const { page, watch } = await app.newPage(t);
  await app.goto(page, '/');
  await waitForApp(page);
  await page.getByTestId('results-count').getByText(`${CODES.length + 3} certifications`).waitFor();
  for (const fiche of fiches) {
    const card = page.locator(`[data-testid="cert-card"][data-code="${fiche.code}"]`);
    await card.getByRole('link', { name: fiche.title }).waitFor();
  }
  // One fiche, whole: its blocs and competencies as imported.
  const fiche = fiches.find((f) => f.blocs.length > 1) ?? fiches[0];
  await page.locator(`[data-testid="cert-card"][data-code="${fiche.code}"]`).getByRole('link', { name: fiche.title }).click();
  await page.locator(`[data-testid="fiche"][data-code="${fiche.code}"] [data-testid="fiche-body"]`).waitFor();
  await page.getByRole('heading', { level: 1, name: fiche.title }).waitFor();
  const body = await page.getByTestId('fiche-body').innerText();
  for (const bloc of fiche.blocs) assert.ok(body.includes(bloc.code), `${bloc.code} shown`);
  assert.ok(body.includes(fiche.blocs[0].competencies[0].label.slice(0, 40)), 'a competency label shown');
  await checkA11y(page, 'imported fiche');

  // Select it, assess one competency: the answer is saved under the imported id.
  await page.getByTestId('select-toggle').first().click();
  await page.getByTestId('fiche').getByRole('link', { name: 'Évaluer mes compétences' }).click();
  const first = fiche.blocs[0].competencies[0];
  await page
    .locator(`[data-testid="rating"][data-id="${first.id}"]`)
    .getByRole('radio', { name: 'Je le fais seul(e)' })
    .check();
  const saved = await savedWork(page);
  assert.deepEqual(saved.selection, [fiche.code]);
  assert.ok(JSON.stringify(saved.ratings).includes(first.id), `rating saved for ${first.id}`);
  watch.assertClean();
});
