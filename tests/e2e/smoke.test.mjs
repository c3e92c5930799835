// Smoke test: the release build in dist/ loads from a plain static server, mounts, speaks French,
// has a main landmark, passes axe (WCAG 2.1 AA), and talks to no other origin.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkA11y, useApp, waitForApp } from './harness.mjs';

const app = useApp();

test('the server is a plain static host: wasm MIME type, 404 on unknown paths', async () => {
  const index = await fetch(app.url('/'));
  assert.equal(index.status, 200);
  const html = await index.text();
  const wasm = html.match(/["']([^"']+\.wasm)["']/)?.[1];
  assert.ok(wasm, 'index.html references a .wasm file');
  const res = await fetch(new URL(wasm, app.url('/')));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/wasm');
  assert.equal((await fetch(app.url('/no/such/page'))).status, 404);
});

test('home page mounts, is in French, has a main landmark and passes axe', async (t) => {
  const { page, watch } = await app.newPage(t);
  await app.goto(page, '/');
  await waitForApp(page);

  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
  assert.ok((await page.title()).trim().length > 0, 'the page has a title');
  assert.equal(await page.getByRole('main').count(), 1, 'exactly one main landmark');

  await checkA11y(page, 'home');
  watch.assertClean();
});
