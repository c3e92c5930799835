// The self-assessment as a job seeker goes through it: pick two certifications, rate a bloc,
// describe an experience and accept suggestions, reload, export / erase / import, share a link
// to a fresh browser, survive corrupt storage, bad files, tampered links and a huge paste —
// with axe on the assessment and results views in French and English, and the print view.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { checkA11y, savedWork, TODAY, useApp, waitForApp } from './harness.mjs';
import { CODES } from './data.mjs';
import { AssessmentFlow, STREET_MEDIATION } from './pages.mjs';

const app = useApp();
const WORK_KEY = 'repere.work';


test('rate a bloc, link an experience, reload, results, export / erase / import, share', async (t) => {
  const { page, watch } = await app.newPage(t, { acceptDownloads: true });
  const flow = new AssessmentFlow(page, app);
  await flow.start();
  await flow.select('RNCP37722');
  await flow.select('RNCP41674');
  assert.deepEqual(await flow.selectionCodes(), ['RNCP37722', 'RNCP41674']);

  // Rate every competency of RNCP37722 BC02 "Je le fais seul(e)": the bloc is ready.
  await flow.openAssessment('RNCP37722');
  const bloc = flow.assessBloc('RNCP37722BC02');
  const ratings = bloc.getByTestId('rating');
  const n = await ratings.count();
  assert.ok(n >= 3, `BC02 has ${n} competencies`);
  assert.equal(await bloc.getByTestId('bloc-ready').count(), 0, 'not ready before any answer');
  for (let i = 0; i < n; i++) {
    await ratings.nth(i).getByRole('radio', { name: 'Je le fais seul(e)' }).check();
  }
  await bloc.getByTestId('bloc-ready').waitFor();
  // Keyboard: arrow keys move within a radio group.
  const first = ratings.first().getByRole('radio', { name: 'Je le fais seul(e)' });
  await first.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await ratings.first().getByRole('radio', { name: /transmettre/ }).isChecked(), true);
  await bloc.getByTestId('bloc-ready').waitFor();
  await checkA11y(page, 'assessment FR');

  // An experience of street mediation: suggestions come, accepting links them.
  await flow.addExperience('Médiateur de rue', STREET_MEDIATION);
  const suggestions = page.getByTestId('suggestion');
  await suggestions.first().waitFor();
  assert.ok((await suggestions.count()) >= 3, 'several suggestions');
  assert.ok((await suggestions.first().locator('mark').count()) > 0, 'matched words highlighted');
  const accepted = [];
  for (let i = 0; i < 2; i++) {
    const s = suggestions.first();
    accepted.push(await s.getAttribute('data-id'));
    await s.getByTestId('accept').click();
  }
  const linked = page.getByTestId('linked-competency');
  await linked.nth(1).waitFor();
  assert.deepEqual((await linked.evaluateAll((els) => els.map((e) => e.dataset.id))).sort(), [...accepted].sort());
  await checkA11y(page, 'experiences FR');

  // Reload: everything restored.
  const before = await savedWork(page);
  assert.ok(before, 'work saved in local storage');
  await page.reload();
  await waitForApp(page);
  assert.deepEqual(await flow.selectionCodes(), ['RNCP37722', 'RNCP41674']);
  await page.getByTestId('linked-competency').nth(1).waitFor();
  assert.deepEqual(await savedWork(page), before);

  // Results: BC02 ready, the table and the chart, FR and EN pass axe.
  await flow.openResults();
  const result = page.locator('[data-testid="cert-result"][data-code="RNCP37722"]');
  await result.waitFor();
  assert.match(await result.getByTestId('ready-blocs').innerText(), /RNCP37722BC02/);
  assert.equal(await result.locator('svg[role="img"]').count(), 1, 'an accessible chart');
  assert.equal(await page.getByTestId('ranking').locator('li').count(), 2);
  await checkA11y(page, 'results FR');
  await page.getByTestId('lang-switch').click();
  await page.getByRole('heading', { level: 1, name: 'My results' }).waitFor();
  await checkA11y(page, 'results EN');
  await flow.openAssessment('RNCP37722');
  await page.getByRole('radio', { name: 'I do it on my own' }).first().waitFor();
  await checkA11y(page, 'assessment EN');
  await page.goto(app.url('/#/comparer'));
  await page.getByTestId('compare-summary').waitFor();
  await checkA11y(page, 'compare EN');
  await page.getByTestId('lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'fr');

  // The print view renders: the report has every bloc, the chrome is hidden for print.
  await page.goto(app.url('/#/rapport'));
  const report = page.getByTestId('report');
  await report.waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.match(await report.innerText(), /RNCP37722BC02/);
  assert.match(await report.innerText(), /Médiateur de rue/);
  assert.equal(await page.locator('.site-header').isVisible(), false, 'header hidden in print');
  assert.equal(await page.getByTestId('selection-bar').isVisible(), false, 'selection bar hidden in print');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10_000, `the report prints (${pdf.length} bytes of PDF)`);
  await page.emulateMedia({ media: 'screen' });
  await checkA11y(page, 'report FR');

  // Export, erase, import: identical state.
  await flow.openData();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  const exported = await readFile(await download.path(), 'utf8');
  assert.equal(download.suggestedFilename(), `repere-bilan-${TODAY}.json`, 'named after the (pinned) day');
  await page.getByTestId('clear').click();
  await page.getByTestId('clear-yes').click();
  await page.getByText('Vos données ont été effacées').waitFor();
  assert.deepEqual(await flow.selectionCodes(), []);
  assert.equal(await savedWork(page), null);
  await page.getByLabel('Choisir un fichier Repère (.json)').setInputFiles({
    name: 'repere.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  await page.getByTestId('replace').click();
  await page.getByText('Données importées.').waitFor();
  assert.deepEqual(await savedWork(page), before);
  await checkA11y(page, 'my data FR');

  // Share link (without personal data) in a fresh browser: same selection and ratings.
  await page.getByTestId('share-create').click();
  const link = await page.getByTestId('share-link').inputValue();
  assert.match(link, /#\/partage\/[A-Za-z0-9_-]+$/);
  const other = await app.newPage(t);
  await other.page.goto(link);
  await waitForApp(other.page);
  await other.page.getByRole('heading', { level: 1, name: 'Mes résultats' }).waitFor();
  const shared = await savedWork(other.page);
  assert.deepEqual(shared.selection, before.selection);
  assert.deepEqual(shared.ratings, before.ratings);
  assert.deepEqual(shared.experiences ?? [], [], 'personal data stays out unless ticked');
  other.watch.assertClean();
  watch.assertClean();
});

test('bad input: corrupt storage, foreign file, huge paste, tampered link — explained, work kept', async (t) => {
  const { context, page, watch } = await app.newPage(t);
  const flow = new AssessmentFlow(page, app);
  // Corrupt saved state: a message, a working app, the raw data kept. The corrupt value is in
  // storage before the app's first load (once per tab), so no earlier page can race with it.
  await context.addInitScript((k) => {
    if (!sessionStorage.getItem('e2e.corrupted')) {
      sessionStorage.setItem('e2e.corrupted', '1');
      localStorage.setItem(k, '{"format":"repere/assessment","version":2,"ratings":{"x":');
    }
  }, WORK_KEY);
  await app.goto(page, '/');
  await waitForApp(page);
  await page.getByTestId('notice').filter({ hasText: 'n’ont pas pu être relues' }).waitFor();
  assert.equal(await page.getByTestId('cert-card').count(), CODES.length, 'the app works');
  assert.ok(await page.evaluate(() => localStorage.getItem('repere.work.unreadable')), 'raw copy kept');
  await checkA11y(page, 'catalogue with an error notice');

  // Build some work, then throw bad input at it.
  await flow.select('RNCP36524');
  await flow.openAssessment('RNCP36524');
  await page.getByRole('radio', { name: 'Je peux l’expliquer ou le transmettre' }).first().check();
  const work = await savedWork(page);
  assert.deepEqual(work.selection, ['RNCP36524']);

  await flow.openData();
  await page.getByText('Données illisibles gardées').waitFor();
  const imports = [
    ['foreign.json', '{"name":"not repere","items":[1,2,3]}', 'Ce n’est pas un fichier Repère'],
    ['broken.json', '{"format":"repere/assessment","version":2,"selection":[', 'abîmé'],
    ['future.json', '{"format":"repere/assessment","version":99}', 'plus récente'],
    ['image.png', '\u0089PNG\r\n\u001a\n\u0000\u0000', 'Ce n’est pas un fichier Repère'],
  ];
  for (const [name, content, message] of imports) {
    await page.getByLabel('Choisir un fichier Repère (.json)').setInputFiles({
      name,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(content, 'latin1'),
    });
    await page.getByTestId('notice').filter({ hasText: 'Ce contenu n’a pas pu être lu' }).filter({ hasText: message }).waitFor();
    assert.deepEqual(await savedWork(page), work, `${name} left the work untouched`);
  }
  // A 1 MB paste.
  await page.getByLabel('Ou coller le contenu d’un fichier ou un lien de partage').fill('x'.repeat(1024 * 1024));
  await page.getByRole('button', { name: 'Lire le contenu collé' }).click();
  await page.getByTestId('notice').filter({ hasText: 'Votre travail n’a pas été modifié' }).waitFor();
  assert.deepEqual(await savedWork(page), work);

  // A tampered and a truncated share link.
  await page.getByTestId('share-create').click();
  const link = await page.getByTestId('share-link').inputValue();
  const payload = link.split('#/partage/')[1];
  const flipped = payload.slice(0, 10) + (payload[10] === 'A' ? 'B' : 'A') + payload.slice(11);
  for (const bad of [flipped, payload.slice(0, payload.length - 6), '!!!not-base64!!!']) {
    await page.goto(app.url(`/#/partage/${bad}`));
    await page.getByTestId('share-error').waitFor();
    await checkA11y(page, 'share link error');
    assert.deepEqual(await savedWork(page), work, 'a bad link leaves the work untouched');
  }
  // A good link over existing work asks first; cancel keeps everything.
  await page.goto(link.replace(/^https?:\/\/[^/]+/, app.origin));
  await page.getByTestId('incoming').waitFor();
  await page.getByRole('button', { name: 'Annuler' }).click();
  assert.deepEqual(await savedWork(page), work);
  watch.assertClean({ allowConsole: [/saved work unreadable/] });
});

test('two tabs stay consistent', async (t) => {
  const { context, page, watch } = await app.newPage(t);
  const flow = new AssessmentFlow(page, app);
  await flow.start();
  const second = await context.newPage();
  await second.goto(app.url('/'));
  await waitForApp(second);
  await flow.select('RNCP2383');
  await second.getByTestId('selection-bar').getByRole('link', { name: 'RNCP2383' }).waitFor();
  await second.locator('[data-testid="selection-bar"] .chip__remove').first().click();
  await page.getByTestId('selection-bar').getByText('Aucune certification sélectionnée').waitFor();
  watch.assertClean();
});

test('my data: a bare share payload pastes, a refused download is explained, a period reads the same in the report', async (t) => {
  const { context, page, watch } = await app.newPage(t, { acceptDownloads: true });
  const flow = new AssessmentFlow(page, app);
  await flow.start();
  await flow.select('RNCP37722');
  await flow.openAssessment('RNCP37722');
  await page.getByRole('radio', { name: 'Je le fais seul(e)' }).first().check();

  // An experience with only an end month: the same words on the experiences page and the report.
  await page.goto(app.url('/#/experiences'));
  await page.getByLabel('Intitulé').fill('Bénévole au centre social');
  await page.getByLabel('Type d’expérience').selectOption('benevolat');
  await page.getByLabel('Fin (laisser vide si en cours)').fill('2021-06');
  await page.getByRole('button', { name: 'Ajouter une expérience' }).click();
  const card = page.getByTestId('experience').filter({ hasText: 'Bénévole au centre social' });
  await card.waitFor();
  assert.match(await card.innerText(), /jusqu’à juin\s2021/);
  await page.goto(app.url('/#/rapport'));
  await page.getByTestId('report').waitFor();
  assert.match(await page.getByTestId('report').innerText(), /Bénévole au centre social \(.*jusqu’à juin\s2021\)/);

  // A share payload pasted without "#/partage/" is read as a link.
  const work = await savedWork(page);
  await flow.openData();
  await page.getByTestId('share-create').click();
  const payload = (await page.getByTestId('share-link').inputValue()).split('#/partage/')[1];
  await page.getByLabel('Ou coller le contenu d’un fichier ou un lien de partage').fill(payload);
  await page.getByRole('button', { name: 'Lire le contenu collé' }).click();
  await page.getByTestId('replace').waitFor();
  await page.getByRole('button', { name: 'Annuler' }).click();
  assert.deepEqual(await savedWork(page), work);

  // A download the browser refuses is said on screen; the work is untouched.
  await page.evaluate(() => {
    URL.createObjectURL = () => {
      throw new Error('refused by the test');
    };
  });
  await page.getByTestId('export').click();
  await page.getByTestId('notice').filter({ hasText: 'Le téléchargement n’a pas pu démarrer' }).waitFor();
  await checkA11y(page, 'my data with a download error');
  assert.deepEqual(await savedWork(page), work);
  assert.equal(context.pages().length, 1);
  watch.assertClean();
});
