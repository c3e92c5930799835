// Experience matching as a job seeker meets it (issue 10): each suggestion says its strength in
// words, and an experience unrelated to the selected certifications gets no weak suggestions but
// "Aucune compétence ne ressort de ce texte" with advice — in French and English, axe clean.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, useApp } from './harness.mjs';
import { AssessmentFlow, STREET_MEDIATION } from './pages.mjs';

const app = useApp();

const BAKER =
  "Boulanger pendant six ans : je pétrissais la pâte à 4 h du matin, je façonnais les baguettes " +
  'et les viennoiseries, je surveillais la cuisson au four et je nettoyais le fournil.';

test('suggestions say their strength; an unrelated experience gets advice, not weak suggestions', async (t) => {
  const { page, watch } = await app.newPage(t);
  const flow = new AssessmentFlow(page, app);
  await flow.start();
  await flow.select('RNCP37722');
  await flow.select('RNCP41674');

  await flow.addExperience('Médiateur de rue', STREET_MEDIATION);
  const street = page.getByTestId('experience').filter({ hasText: 'Médiateur de rue' });
  const suggestions = street.getByTestId('suggestion');
  await suggestions.first().waitFor();
  const n = await suggestions.count();
  assert.ok(n >= 1 && n <= 5, `${n} suggestions, at most 5 shown`);
  for (let i = 0; i < n; i++) {
    const s = suggestions.nth(i);
    const strength = await s.getAttribute('data-strength');
    assert.ok(['forte', 'possible'].includes(strength), strength);
    const words = strength === 'forte' ? 'Correspondance forte' : 'Correspondance possible';
    assert.equal((await s.locator('.suggestion__strength').textContent()).trim(), words);
  }
  assert.equal(await street.getByTestId('nothing-stands-out').count(), 0);

  await flow.addExperience('Boulanger', BAKER);
  const baker = page.getByTestId('experience').filter({ hasText: 'Boulanger' });
  await baker.getByTestId('nothing-stands-out').waitFor();
  assert.equal(await baker.getByTestId('suggestion').count(), 0, 'no weak suggestion');
  await baker.getByText('Aucune compétence ne ressort de ce texte.').waitFor();
  await baker.getByText(/Décrivez ce que vous faisiez concrètement/).waitFor();
  await checkA11y(page, 'experiences with strengths and advice FR');

  await page.getByTestId('lang-switch').click();
  await baker.getByText('No competency stands out from this text.').waitFor();
  await street.locator('.suggestion__strength').first().waitFor();
  assert.match(await street.locator('.suggestion__strength').first().innerText(), /^(Strong|Possible) match$/);
  await checkA11y(page, 'experiences with strengths and advice EN');
  watch.assertClean();
});

// No word of a label: the example experiences find "Aller à la rencontre des personnes…", and
// the card says which words the text shares with them.
const NIGHT_ROUNDS =
  'Le soir on passait voir ceux qui dorment dehors, on apportait une soupe chaude et des couvertures.';

test('a competency found through example experiences says which words it shares with them', async (t) => {
  const { page, watch } = await app.newPage(t);
  const flow = new AssessmentFlow(page, app);
  await flow.start();
  await flow.select('RNCP37722');
  await flow.select('RNCP41674');
  await flow.addExperience('Maraudes', NIGHT_ROUNDS);
  const card = page.getByTestId('experience').filter({ hasText: 'Maraudes' });
  const byExamples = card
    .getByTestId('suggestion')
    .filter({ hasText: 'Mots en commun avec des expériences déjà reliées à cette compétence' })
    .filter({ hasText: 'Aller à la rencontre des personnes' });
  await byExamples.waitFor();
  assert.match(await byExamples.locator('.suggestion__words mark').innerText(), /soupe/);
  // The shared words are highlighted in the excerpt of the experience.
  assert.ok((await byExamples.locator('.suggestion__excerpt mark').count()) >= 1);
  await checkA11y(page, 'suggestion found through examples FR');
  await page.getByTestId('lang-switch').click();
  await card.getByText('Words shared with experiences already linked to this competency:').first().waitFor();
  watch.assertClean();
});
