// Repère embedded on a training provider's page (issue #9). Two static servers make two sites:
// the app on http://127.0.0.1:<port> and the provider's page on http://localhost:<other port>
// (tests/e2e/fixtures/embed-host*.html, with Repère's origin filled in), each with a strict
// Content Security Policy. Checked: both frames load, preselect, take their accent, follow
// their content's height, send repere:ready / repere:selection, repere:results only after the
// user's confirmation and holding exactly what was shown; invalid attributes warn on the host's
// console and fall back to defaults; axe in the host page and in the frames; a keyboard-only
// path from the host into a frame, through an assessment and out; no request outside the two
// origins; no CSP violation anywhere (the harness listens in every frame). Also: the builder
// page (#/integrer) and the app's own CSP as shipped.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { checkA11y, CHROMIUM, CHROMIUM_ARGS, DIST, PINNED_CLOCK, waitForApp, watchContext } from './harness.mjs';
import { startServer } from './server.mjs';
import { CODES } from './data.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const state = {};

before(async () => {
  state.app = await startServer({ root: DIST });
  state.appOrigin = state.app.url; // http://127.0.0.1:<port>
  state.hostDir = mkdtempSync(join(tmpdir(), 'repere-host-'));
  for (const name of ['embed-host.html', 'embed-host-invalid.html']) {
    const html = readFileSync(join(FIXTURES, name), 'utf8').replaceAll('{{APP}}', state.appOrigin);
    writeFileSync(join(state.hostDir, name), html);
  }
  copyFileSync(join(FIXTURES, 'host.css'), join(state.hostDir, 'host.css'));
  state.host = await startServer({ root: state.hostDir });
  // Another site: "localhost" is not "127.0.0.1" (frames are third-party, storage partitioned).
  state.hostOrigin = `http://localhost:${state.host.port}`;
  // Playwright turns Chrome's partitioned third-party storage off (ThirdPartyStoragePartitioning
  // is in its --disable-features list), so a cross-site frame would get no storage at all. A
  // second --disable-features (the last one wins) keeps Playwright's other choices and gives the
  // frames what Chrome does by default since version 115: storage partitioned by top-level site.
  state.browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...CHROMIUM_ARGS,
      '--headless',
      '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,NetworkTimeServiceQuerying,HttpsUpgrades,PaintHolding,LensOverlay,GlobalMediaControls',
    ],
  });
});

after(async () => {
  await state.browser?.close();
  await state.app?.close();
  await state.host?.close();
  if (state.hostDir) rmSync(state.hostDir, { recursive: true, force: true });
});

/** A fresh context watched for both origins, with the host page's repere:* events recorded. */
async function hostPage(t, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await state.browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport,
  });
  await context.clock.setFixedTime(new Date(PINNED_CLOCK));
  const watch = await watchContext(context, [state.appOrigin, state.hostOrigin]);
  await context.addInitScript((hostOrigin) => {
    if (location.origin !== hostOrigin) return;
    window.__repere = [];
    for (const type of ['ready', 'resize', 'selection', 'results']) {
      document.addEventListener(`repere:${type}`, (e) => {
        window.__repere.push({ type, script: e.target.id, detail: e.detail });
      });
    }
  }, state.hostOrigin);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push({ text: msg.text(), url: msg.location()?.url ?? '' });
  });
  t.after(() => context.close());
  return { context, page, watch, warnings };
}

const events = (page, type, script) =>
  page.evaluate(([type, script]) => window.__repere.filter((e) => e.type === type && (!script || e.script === script)), [type, script]);

async function waitEvent(page, type, script, predicate = '() => true') {
  await page.waitForFunction(
    ([type, script, predicate]) =>
      window.__repere.some((e) => e.type === type && e.script === script && new Function('d', `return (${predicate})(d)`)(e.detail)),
    [type, script, predicate],
  );
}

async function frameOf(page, selector) {
  const handle = await page.waitForSelector(selector);
  const frame = await handle.contentFrame();
  await waitForApp(frame);
  return frame;
}

/** The iframe's height on the host page and whether its document scrolls inside. */
async function frameFit(page, selector, frame) {
  const height = await page.$eval(selector, (f) => f.getBoundingClientRect().height);
  const inner = await frame.evaluate(() => ({
    scroll: document.documentElement.scrollHeight,
    client: document.documentElement.clientHeight,
    body: Math.ceil(document.body.getBoundingClientRect().height),
  }));
  return { height, ...inner, scrollbar: inner.scroll > inner.client };
}

/** The next animation frame of `frame` (a condition check, never a fixed sleep). */
const nextFrame = (frame) => frame.evaluate(() => new Promise((go) => requestAnimationFrame(() => go())));

/** Polls `check` once per animation frame of `frame` until it returns a truthy value. */
async function until(frame, check, what, frames = 600) {
  for (let i = 0; i < frames; i++) {
    const value = await check();
    if (value) return value;
    await nextFrame(frame);
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** Waits until the frame's height follows its content: no inner scrollbar, frame = content. */
async function waitFit(page, selector, frame, minHeight) {
  const last = {};
  try {
    return await until(frame, async () => {
      Object.assign(last, await frameFit(page, selector, frame));
      return !last.scrollbar && Math.abs(last.height - Math.max(minHeight, last.body)) <= 1 ? { ...last } : null;
    }, `${selector} to fit its content`);
  } catch (err) {
    throw new Error(`${err.message}: ${JSON.stringify(last)}`);
  }
}

const FRAME_A = '#embed-a + iframe';
const FRAME_B = '#slot-b > iframe';

test('two snippets on another site: frames load, preselect, take their accents, follow their height, talk to the host', async (t) => {
  const { page, watch } = await hostPage(t);
  await page.goto(`${state.hostOrigin}/embed-host.html`);
  const a = await frameOf(page, FRAME_A);
  const b = await frameOf(page, FRAME_B);

  // The frames: accessible title, lazy, no border, full width, the app in embedded mode.
  const attrs = await page.$$eval('iframe', (fs) =>
    fs.map((f) => ({ title: f.title, loading: f.loading, border: getComputedStyle(f).borderTopWidth, width: f.getBoundingClientRect().width, parent: parseFloat(getComputedStyle(f.parentElement).width), src: f.src })),
  );
  assert.equal(attrs.length, 2);
  for (const f of attrs) {
    assert.match(f.title, /Repère/);
    assert.equal(f.loading, 'lazy');
    assert.equal(f.border, '0px');
    assert.ok(Math.abs(f.width - f.parent) < 1, 'full width');
    assert.ok(f.src.startsWith(`${state.appOrigin}/?embed=1`), f.src);
  }

  // ready, with the preselected certifications; each frame on its start page.
  await waitEvent(page, 'ready', 'embed-a');
  await waitEvent(page, 'ready', 'embed-b');
  assert.deepEqual((await events(page, 'ready', 'embed-a'))[0].detail, { codes: ['RNCP37722'] });
  assert.deepEqual((await events(page, 'ready', 'embed-b'))[0].detail, { codes: ['RNCP41674'] });
  await a.locator('[data-testid="cert-assessment"][data-code="RNCP37722"]').waitFor();
  assert.equal(await a.evaluate(() => location.hash), '#/bilan/RNCP37722');
  assert.equal(await b.evaluate(() => location.hash), '#/');
  assert.equal(await a.locator('.site-header').count(), 0, 'no site header in a frame');
  assert.equal(await a.getByTestId('open-full').count(), 1);
  // data-lang fixes the language; without it the visitor can switch.
  assert.equal(await a.getByTestId('lang-switch').count(), 0);
  assert.equal(await b.getByTestId('lang-switch').count(), 1);

  // Accents: custom properties set through the CSSOM, seen in computed styles.
  const accent = (f) =>
    f.evaluate(() => ({
      prop: getComputedStyle(document.documentElement).getPropertyValue('--repere-accent').trim(),
      current: getComputedStyle(document.querySelector('.embed-nav a[aria-current="page"]')).backgroundColor,
      text: getComputedStyle(document.querySelector('.embed-nav a[aria-current="page"]')).color,
    }));
  assert.deepEqual(await accent(a), { prop: '#7a1f5c', current: 'rgb(122, 31, 92)', text: 'rgb(255, 255, 255)' });
  assert.deepEqual(await accent(b), { prop: '#1f5c2e', current: 'rgb(31, 92, 46)', text: 'rgb(255, 255, 255)' });

  // data-only: frame A's catalogue lists its certification only; frame B lists them all.
  await b.getByTestId('cert-card').first().waitFor();
  assert.equal(await b.getByTestId('cert-card').count(), CODES.length);
  await a.getByRole('navigation', { name: 'Navigation de Repère' }).getByRole('link', { name: 'Catalogue' }).click();
  await a.getByTestId('cert-card').first().waitFor();
  assert.deepEqual(await a.getByTestId('cert-card').evaluateAll((els) => els.map((e) => e.dataset.code)), ['RNCP37722']);

  // Height: the frame follows its content, never an inner scrollbar; it grows when a
  // disclosure opens and shrinks back when it closes.
  // A cross-origin frame out of view is not rendered (Chromium throttles it): its height
  // follows once it is scrolled into view.
  await page.$eval(FRAME_B, (f) => f.scrollIntoView());
  await waitFit(page, FRAME_B, b, 300);
  await page.$eval(FRAME_A, (f) => f.scrollIntoView());
  await a.getByRole('navigation', { name: 'Navigation de Repère' }).getByRole('link', { name: 'Évaluer' }).click();
  await a.locator('[data-testid="cert-assessment"]').waitFor();
  const closed = await waitFit(page, FRAME_A, a, 400);
  await a.locator('details.legend > summary').click();
  await page.waitForFunction(([sel, h]) => document.querySelector(sel).getBoundingClientRect().height > h, [FRAME_A, closed.height]);
  const open = await waitFit(page, FRAME_A, a, 400);
  assert.ok(open.height > closed.height, `grew: ${closed.height} → ${open.height}`);
  await a.locator('details.legend > summary').click();
  await page.waitForFunction(([sel, h]) => document.querySelector(sel).getBoundingClientRect().height < h, [FRAME_A, open.height]);
  const again = await waitFit(page, FRAME_A, a, 400);
  assert.equal(again.height, closed.height, 'shrank back');
  const resizes = await events(page, 'resize', 'embed-a');
  assert.ok(resizes.length >= 3 && resizes.every((e) => Number.isInteger(e.detail.height)), 'repere:resize events');

  // repere:selection: codes only.
  await b.locator('[data-testid="cert-card"][data-code="RNCP2383"] [data-testid="select-toggle"]').click();
  await waitEvent(page, 'selection', 'embed-b', "(d) => d.codes.includes('RNCP2383')");
  const selection = (await events(page, 'selection', 'embed-b')).at(-1).detail;
  assert.deepEqual(Object.keys(selection), ['codes']);
  assert.deepEqual([...selection.codes].sort(), ['RNCP2383', 'RNCP41674']);
  // The two embeds keep separate work (other certifications, other storage scope).
  assert.equal((await events(page, 'selection', 'embed-a')).length, 0);

  // The host cannot read the frame's storage; its own holds nothing of Repère's.
  const probe = await page.evaluate(() => {
    const f = document.querySelector('#embed-a + iframe');
    let read;
    try {
      read = f.contentWindow.localStorage.length;
    } catch (e) {
      read = e.name;
    }
    return { read, own: Object.keys(localStorage).filter((k) => k.startsWith('repere')) };
  });
  assert.deepEqual(probe, { read: 'SecurityError', own: [] });
  // The frame has its own (partitioned) storage, under its embed's scope.
  await a.waitForFunction(() => document.body.dataset.autosave !== 'pending');
  const keys = await a.evaluate(() => Object.keys(localStorage).sort());
  assert.ok(keys.includes('repere.work@embed:RNCP37722'), keys.join(', '));

  // Accessibility: the host page with its frames, and inside each frame.
  await checkA11y(page, 'host page');
  await checkA11y(a, 'frame A (catalogue restricted, assessment)');
  await checkA11y(b, 'frame B (catalogue)');
  watch.assertClean();
});

test('repere:results only after the user confirms, holding exactly what was shown', async (t) => {
  const { page, watch } = await hostPage(t);
  await page.goto(`${state.hostOrigin}/embed-host.html`);
  const a = await frameOf(page, FRAME_A);
  const b = await frameOf(page, FRAME_B);
  await waitEvent(page, 'ready', 'embed-a');

  // Rate the first two competencies, write a personal example (it must not leave unticked).
  const ratings = a.getByTestId('rating');
  await ratings.first().waitFor();
  await ratings.nth(0).getByRole('radio', { name: 'Je le fais seul(e)' }).check();
  await ratings.nth(1).getByRole('radio', { name: 'Je l’ai fait avec de l’aide' }).check();

  await a.getByRole('navigation', { name: 'Navigation de Repère' }).getByRole('link', { name: 'Résultats' }).click();
  const send = a.getByTestId('send-results');
  await send.waitFor();
  assert.equal(await send.innerText(), 'Envoyer mon bilan à Organisme Exemple');
  assert.equal(await a.getByTestId('send-panel').isVisible(), false);
  await send.click();
  await a.getByTestId('send-panel').waitFor();
  assert.equal(await send.getAttribute('aria-expanded'), 'true');
  await a.getByText('Voir les données exactes (JSON)').click();
  const shown = JSON.parse(await a.getByTestId('send-json').innerText());
  assert.equal(shown.schema, 'repere.results/1');
  assert.equal(shown.recipient, 'Organisme Exemple');
  assert.equal(shown.notes, undefined, 'no notes unless ticked');
  assert.equal(shown.experiences, undefined, 'no experiences unless ticked');
  assert.deepEqual(shown.certifications.map((c) => c.code), ['RNCP37722']);
  const first = shown.certifications[0].blocs[0];
  assert.equal(first.rated, 2);
  // The readable summary says the same numbers as the JSON.
  const summary = await a.getByTestId('send-summary').locator('[data-code="RNCP37722"] > [data-testid="send-readiness"]').innerText();
  assert.equal(summary.replace(/\s/g, ''), `${shown.certifications[0].readiness}%`);
  assert.equal(await a.getByTestId('send-personal').innerText(), 'Ni vos exemples ni vos expériences ne sont joints.');
  // Where it goes: the origin the browser will deliver it to (the host page's).
  assert.match(await a.getByTestId('send-destination').innerText(), new RegExp(`sur le site ${state.hostOrigin.replace(/[.]/g, '\\.')}\\.$`));
  await checkA11y(a, 'send confirmation');

  // Nothing personal has left the frame yet.
  assert.equal((await events(page, 'results')).length, 0);
  await a.getByTestId('send-confirm').click();
  await waitEvent(page, 'results', 'embed-a');
  const [received] = await events(page, 'results');
  assert.deepEqual(received.detail, shown);
  await a.getByText('Votre bilan a été envoyé à Organisme Exemple.').waitFor();

  // Frame B did not set data-share-with: no button, no event.
  await b.getByRole('navigation', { name: 'Navigation de Repère' }).getByRole('link', { name: 'Résultats' }).click();
  await b.getByTestId('cert-result').first().waitFor();
  assert.equal(await b.getByTestId('send-results').count(), 0);
  assert.equal((await events(page, 'results')).length, 1);

  // "Mes données" in a frame says where the work is kept; "Ouvrir dans Repère" carries it.
  await a.getByRole('navigation', { name: 'Navigation de Repère' }).getByRole('link', { name: 'Mes données' }).click();
  const note = a.getByTestId('embed-storage-note');
  await note.waitFor();
  assert.match(await note.innerText(), /enregistré dans ce navigateur, pour ce site/);
  // The share payload is encoded by a chunk loaded after the first screen: wait for it.
  await a.locator('[data-testid="open-full"][href*="/#/partage/"]').waitFor();
  const href = await a.getByTestId('open-full').getAttribute('href');
  assert.ok(href.startsWith(`${state.appOrigin}/#/partage/`), href);
  assert.equal(await a.getByTestId('open-full').getAttribute('target'), '_blank');
  const [full] = await Promise.all([page.context().waitForEvent('page'), a.getByTestId('open-full').click()]);
  await waitForApp(full);
  await full.locator('[data-testid="cert-result"][data-code="RNCP37722"]').waitFor();
  assert.ok(await full.locator('.site-header').count(), 'the full app, not the embedded mode');
  watch.assertClean();
});

test('invalid attributes: warnings on the host console naming each attribute, defaults, no injected CSS', async (t) => {
  const { page, watch, warnings } = await hostPage(t);
  await page.goto(`${state.hostOrigin}/embed-host-invalid.html`);
  const frame = await frameOf(page, '#embed-bad + iframe');
  await frame.getByTestId('cert-card').first().waitFor();
  // RNCP00000 looks like a code: only the app knows it is unknown, and says so to the host.
  await until(frame, () => warnings.some((w) => /RNCP00000/.test(w.text)), 'the app\'s warning about RNCP00000');
  const host = warnings.filter((w) => w.url.startsWith(state.appOrigin + '/embed.js') || w.url === '' || w.url.startsWith(state.hostOrigin)).map((w) => w.text);
  const named = (attr) => host.some((w) => w.startsWith(`Repère embed: ${attr}:`));
  for (const attr of ['data-certifications', 'data-lang', 'data-accent', 'data-start', 'data-min-height', 'data-share-with']) {
    assert.ok(named(attr), `a host warning names ${attr}:\n${host.join('\n')}`);
  }
  assert.ok(host.some((w) => /data-certifications: unknown certification "RNCP00000"/.test(w)), host.join('\n'));

  // Defaults: the app's accent, the catalogue, French, everything listed, no send button.
  assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--repere-accent').trim()), '#0b5c70');
  assert.equal(await frame.evaluate(() => document.documentElement.getAttribute('style')), null, 'no property set on <html>');
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'fr');
  assert.equal(await frame.getByTestId('cert-card').count(), CODES.length);
  const src = await page.$eval('#embed-bad + iframe', (f) => f.src);
  assert.doesNotMatch(decodeURIComponent(src), /background|url\(|accueil|xx|RNCP00000,|pas-un-code/);
  // Nothing injected in the host page: no <style>, only the frame's own size properties.
  const injected = await page.evaluate(() => ({
    styles: document.querySelectorAll('style').length,
    styled: [...document.querySelectorAll('[style]')].map((e) => `${e.tagName}: ${e.getAttribute('style')}`),
  }));
  assert.equal(injected.styles, 0);
  assert.equal(injected.styled.length, 1, injected.styled.join('\n'));
  assert.match(injected.styled[0], /^IFRAME: display: block; width: 100%; border: 0px; height: \d+px;$/);
  watch.assertClean();
});

test('keyboard only: from the host page into the frame, through an assessment, and out', async (t) => {
  const { page, watch } = await hostPage(t);
  await page.goto(`${state.hostOrigin}/embed-host.html`);
  const a = await frameOf(page, FRAME_A);
  await a.getByTestId('rating').first().waitFor();
  // Chromium does not render (nor let focus into) a cross-site frame that is off screen.
  await page.locator('#embed-a + iframe').scrollIntoViewIfNeeded();
  await page.locator('#before-a').focus();
  const inFrame = () => page.evaluate(() => document.activeElement?.matches('#embed-a + iframe') ?? false);
  const focused = () => a.evaluate(() => {
    const e = document.activeElement;
    return { tag: e.tagName, type: e.type ?? '', name: e.name ?? '', text: (e.innerText ?? '').trim().slice(0, 60), cls: e.className };
  });
  // Focus crosses into and out of a cross-site frame asynchronously (another renderer): after
  // each key, wait until the focus has moved (inside the frame, or out of it).
  const tab = async (key = 'Tab') => {
    const before = JSON.stringify(await focused());
    const wasIn = await inFrame();
    await page.keyboard.press(key);
    for (let i = 0; i < 200; i += 1) {
      const nowIn = await inFrame();
      if (nowIn !== wasIn) return;
      if (nowIn && JSON.stringify(await focused()) !== before) return;
      await page.evaluate(() => new Promise(requestAnimationFrame));
    }
    throw new Error(`the focus did not move on ${key}`);
  };
  // Tab: into the frame, its skip link first.
  await tab();
  assert.ok(await inFrame(), 'focus went into the frame');
  assert.equal((await focused()).cls, 'skip-link');
  // Tab to the first answer of the first competency, choose it with the arrow keys.
  let guard = 0;
  while ((await focused()).type !== 'radio') {
    await tab();
    assert.ok(++guard < 80, 'reached a rating by Tab');
  }
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  const rated = a.getByTestId('rating').first().locator('input[type=radio]:checked');
  await rated.waitFor();
  assert.equal(await rated.count(), 1, 'answered from the keyboard');
  // Tab on through the whole assessment and out of the frame, to the host's next link.
  guard = 0;
  while (await inFrame()) {
    await tab();
    assert.ok(++guard < 600, 'left the frame by Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'after-a');
  // And back in with Shift+Tab.
  await tab('Shift+Tab');
  assert.ok(await inFrame(), 'Shift+Tab goes back into the frame');
  watch.assertClean();
});

test('the builder page writes the snippet and shows the live preview', async (t) => {
  const { page, watch } = await hostPage(t);
  await page.goto(`${state.appOrigin}/#/integrer`);
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: 'Intégrer Repère sur votre site' }).waitFor();
  const snippet = page.getByTestId('snippet');
  assert.equal(await snippet.inputValue(), `<script src="${state.appOrigin}/embed.js" async></script>`);
  await page.getByLabel(/RNCP37722/).check();
  await page.getByLabel('Ne montrer que ces certifications dans le catalogue').check();
  await page.getByLabel('Langue de l’interface', { exact: true }).selectOption('fr');
  await page.getByLabel('Couleur principale').fill('#7a1f5c');
  await page.getByLabel('Page d’arrivée').selectOption('assess');
  await page.getByLabel(/Nom de votre organisme/).fill('Organisme "Exemple"');
  assert.equal(
    await snippet.inputValue(),
    `<script src="${state.appOrigin}/embed.js" async data-certifications="RNCP37722" data-lang="fr" data-accent="#7a1f5c" data-start="assess" data-only="true" data-share-with="Organisme &quot;Exemple&quot;"></script>`,
  );
  const preview = await (await page.waitForSelector('[data-testid="embed-preview"]')).contentFrame();
  await preview.waitForURL(/embed=1.*accent=7a1f5c/);
  await waitForApp(preview);
  await preview.locator('[data-testid="cert-assessment"][data-code="RNCP37722"]').waitFor();
  // A colour too light to read is darkened, and the page says so.
  await page.getByLabel('Couleur principale').fill('#ffd700');
  await page.getByTestId('accent-adjusted').waitFor();
  await checkA11y(page, 'builder');
  // A change of a setting reloads the preview, abandoning the load in progress (page, glue or wasm).
  watch.assertClean({ allowFailed: [/^GET http:\/\/127\.0\.0\.1:\d+\/[^ ]*: net::ERR_ABORTED$/] });
});

test('the app ships a strict CSP (hashes, no unsafe-inline) and enforces it', async (t) => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'index.html has a CSP meta tag');
  const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => { const [k, ...v] = d.split(' '); return [k, v]; }));
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['style-src'], ["'self'"]);
  assert.deepEqual(directives['img-src'], ["'self'", 'data:']);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  assert.deepEqual(directives['form-action'], ["'none'"]);
  assert.deepEqual(directives['script-src'].slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]));
  assert.ok(inline.length >= 3, 'the loader, the guard and the service-worker registration');
  assert.equal(directives['script-src'].length, 2 + inline.length, 'one hash per inline script');
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.doesNotMatch(html.replace(/<script\b[\s\S]*?<\/script>/g, ''), /\sstyle=/, 'no style attribute in the shipped HTML');

  // In the browser: the app runs under it, and a style attribute is refused.
  const context = await state.browser.newContext({ locale: 'fr-FR' });
  t.after(() => context.close());
  await context.clock.setFixedTime(new Date(PINNED_CLOCK));
  const watch = await watchContext(context, state.appOrigin);
  const page = await context.newPage();
  await page.goto(`${state.appOrigin}/#/resultats`);
  await waitForApp(page);
  assert.equal(await page.evaluate(() => document.querySelectorAll('[style]').length), 0, 'no style attribute rendered');
  const refused = await page.evaluate(() => {
    document.body.setAttribute('style', 'background: rgb(255, 0, 0)');
    return getComputedStyle(document.body).backgroundColor;
  });
  assert.notEqual(refused, 'rgb(255, 0, 0)');
  await until(page.mainFrame(), () => watch.problems.csp.length > 0, 'the violation report');
  assert.match(watch.problems.csp[0], /style-src/);
  watch.problems.csp.length = 0;
  watch.assertClean();
});

test('embed.js is small and has no dependency', () => {
  const js = readFileSync(join(DIST, 'embed.js'));
  const gzip = gzipSync(js, { level: 9 }).length;
  assert.ok(gzip <= 3072, `embed.js is ${gzip} bytes gzip`);
  assert.doesNotMatch(js.toString(), /\bimport\b|require\(|innerHTML|insertAdjacentHTML|document\.write|cssText|setAttribute\('style'/);
});
