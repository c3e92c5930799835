// Made for a phone and for paper: at 320×640 and 1280×800, in French and English, no table
// breaks a word and the page never scrolls sideways (wide tables scroll in their own region);
// every page's title is on the first phone screen; the menu works by keyboard and traps
// nothing; the assessment is quick by keyboard; the printed report keeps headings with what
// follows them (checked page by page in the PDF with pdftotext).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkA11y, savedWork, useApp, waitForApp } from './harness.mjs';

const app = useApp();

/** Two certifications, some answers, an example and an experience: every table has content. */
const WORK = {
  format: 'repere/assessment',
  version: 2,
  selection: ['RNCP36524', 'RNCP37722'],
  ratings: {
    'RNCP36524BC01-C01': 'alone',
    'RNCP36524BC01-C02': 'with_help',
    'RNCP37722BC01-C01': 'can_teach',
    'RNCP37722BC02-C01': 'alone',
    'RNCP37722BC02-C02': 'alone',
  },
  notes: { 'RNCP37722BC02-C01': 'Médiation entre voisins pendant deux ans, en binôme, avec le bailleur social.' },
  experiences: [{ id: 1, title: 'Médiatrice de rue', kind: 'emploi', start: '2019-09', end: '2021-06', description: 'Tensions de voisinage, orientation des familles.' }],
};

const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
];

/** A page with WORK saved before the app's first load and the UI in `lang`. */
async function pageWithWork(t, viewport, lang = 'fr') {
  const opened = await app.newPage(t, { viewport });
  await opened.context.addInitScript(
    ({ work, lang }) => {
      if (!sessionStorage.getItem('e2e.seeded')) {
        sessionStorage.setItem('e2e.seeded', '1');
        localStorage.setItem('repere.work', work);
        localStorage.setItem('repere.lang', lang);
      }
    },
    { work: JSON.stringify(WORK), lang },
  );
  return opened;
}

async function open(page, hash) {
  await app.goto(page, `/${hash}`);
  await waitForApp(page);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Words of table cells whose boxes sit on more than one line (a word broken inside). */
function brokenWords(page) {
  return page.evaluate(() => {
    const broken = [];
    for (const cell of document.querySelectorAll('main th, main td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const words = /[^\s\-–—/]+/g;
        for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
          if (m[0].length < 2) continue;
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

const TABLE_PAGES = [
  ['#/resultats', 'results-table'],
  ['#/comparer', 'compare-summary'],
  ['#/fiche/RNCP37722', 'stats'],
  ['#/rapport', 'report'],
];

for (const viewport of VIEWPORTS) {
  for (const lang of ['fr', 'en']) {
    test(`${viewport.width} px, ${lang}: no table breaks a word, no sideways scrolling`, async (t) => {
      const { page, watch } = await pageWithWork(t, viewport, lang);
      for (const [hash, testid] of TABLE_PAGES) {
        await open(page, hash);
        await page.getByTestId(testid).first().waitFor();
        assert.deepEqual(await brokenWords(page), [], `${hash}: words broken inside a table cell`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${hash}: the page scrolls sideways by ${overflow}px`);
      }
      // Label colons follow the language: "Niveau :" with a non-breaking space, "Level:".
      await open(page, '#/fiche/RNCP37722');
      const colon = await page.locator('.facts dt').first().evaluate((dt) => getComputedStyle(dt, '::after').content);
      assert.equal(colon, lang === 'fr' ? '"\u00a0:"' : '":"');
      await checkA11y(page, `report at ${viewport.width}px ${lang}`);
      watch.assertClean();
    });
  }
}

const EVERY_PAGE = ['#/', '#/fiche/RNCP36524', '#/bilan/RNCP36524', '#/experiences', '#/resultats', '#/comparer', '#/rapport', '#/donnees', '#/nimporte/quoi', '#/partage/!!!'];

for (const lang of ['fr', 'en']) {
  test(`320×640, ${lang}: every page's title starts in the first 300 px`, async (t) => {
    const { page, watch } = await pageWithWork(t, VIEWPORTS[0], lang);
    for (const hash of EVERY_PAGE) {
      await open(page, hash);
      const box = await page.getByRole('heading', { level: 1 }).boundingBox();
      assert.ok(box && box.y <= 300, `${hash}: h1 starts at ${box?.y}px`);
    }
    watch.assertClean();
  });
}

test('320 px: the menu opens and closes by keyboard, traps nothing, and passes axe', async (t) => {
  const { page, watch } = await pageWithWork(t, VIEWPORTS[0]);
  await open(page, '#/');
  const toggle = page.getByRole('button', { name: 'Menu' });
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  assert.equal(await nav.isVisible(), false, 'closed at first');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await nav.waitFor();
  await checkA11y(page, 'menu open at 320px');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Catalogue', 'Tab goes into the menu');
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await nav.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'menu-toggle', 'Escape gives the focus back');
  // Open again and leave by Tab: the focus walks out of the menu to the rest of the page.
  await page.keyboard.press('Enter');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'lang-switch', 'nothing traps the focus');
  // Choosing a page closes the menu.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Mes données' }).waitFor();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  // The selection bar is one line; it opens on demand.
  const selection = page.getByTestId('selection-toggle');
  assert.match(await selection.innerText(), /Ma sélection\s*2/);
  assert.equal(await page.locator('#selection-content').isVisible(), false);
  await selection.click();
  await page.locator('[data-testid="selection-bar"] .chip[data-code="RNCP37722"]').waitFor();
  await checkA11y(page, 'selection open at 320px');
  watch.assertClean();
});

test('keyboard: any bloc in ≤ 5 keys, rate a competency and move on in 3', async (t) => {
  const { page, watch } = await pageWithWork(t, VIEWPORTS[1]);
  await open(page, '#/bilan/RNCP36524');
  await page.getByRole('heading', { level: 1 }).focus();
  // Tab, End, Enter: the last bloc's heading has the focus.
  await page.keyboard.press('Tab');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'assess-RNCP36524BC05');
  // Tab, Home, →, →, Enter: the third bloc (the toolbar remembers the last bloc chosen).
  await page.getByRole('heading', { level: 1 }).focus();
  for (const key of ['Tab', 'Home', 'ArrowRight', 'ArrowRight', 'Enter']) await page.keyboard.press(key);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'assess-RNCP36524BC03');
  // Rate: Space on the first answer, Tab to "next unanswered", Enter: on the next one.
  const first = 'RNCP36524BC01-C03';
  await page.locator(`#${first}-not_yet`).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'next-unrated');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'RNCP36524BC01-C04-not_yet');
  assert.equal((await savedWork(page)).ratings[first], 'not_yet');
  await checkA11y(page, 'assessment with the bloc jump');
  watch.assertClean();
});

test('printed report: no page ends with a heading, table headers repeat, words whole', async (t) => {
  const { page, watch } = await pageWithWork(t, VIEWPORTS[1]);
  await open(page, '#/rapport');
  await page.getByTestId('report').waitFor();
  await page.emulateMedia({ media: 'print' });
  const headings = await page.locator('main h1, main h2, main h3').evaluateAll((els) =>
    els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()),
  );
  const dir = mkdtempSync(join(tmpdir(), 'repere-pdf-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const pdf = join(dir, 'report.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4' }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').filter((p) => p.trim().length > 0);
  assert.ok(pages.length >= 2, `the report of two certifications spans pages (${pages.length})`);
  pages.forEach((content, i) => {
    const lines = content.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const last = lines.at(-1);
    const endsWithHeading = headings.some((h) => h.includes(last) || last.includes(h));
    assert.ok(!endsWithHeading, `page ${i + 1} ends with a heading: ${last}`);
    if (i > 0 && /Compétence/.test(content)) {
      assert.ok(lines.some((l) => l.startsWith('Compétence')), `page ${i + 1}: table header repeated`);
    }
  });
  watch.assertClean();
});
