#!/usr/bin/env node
// Benchmark (run by `make bench`, never by `make test`): the catalogue at 5, 505 and 5,523
// certifications (the bundled ones plus synthetic ones, scripts/scale-dist.mjs), served with
// gzip, in headless Chromium on this machine (no CPU or network throttling):
// - the catalogue index (data/index.json) and the whole first load, gzip;
// - time from navigation to the app mounted;
// - time from focusing the search box to its index being ready (built in slices, no long task);
// - search per keystroke: typing queries letter by letter into the search box, the time from
//   the input event to the end of the app's work on it (handlers and reactive effects: search,
//   then the list's DOM update), before layout and paint; p50 / p95 / max over every keystroke;
// - opening a fiche whose file is already cached (hash change → its body in the DOM).
//
//   node tests/e2e/bench-scale.mjs [counts=0,500,5518]

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { scaleDist } from '../../scripts/scale-dist.mjs';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from './harness.mjs';
import { startServer } from './server.mjs';

const counts = (process.argv[2] ?? '0,500,5518').split(',').map(Number);
const QUERIES = ['médiation', 'conflit', 'accompagner les publics', 'RNCP37722', 'sécurité', 'partenaires sociaux'];
const gzip = (file) => gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }).length;
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

function firstLoad(dist) {
  const out = join(ROOT, 'target', 'bench-size.json');
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts/size-report.mjs'), dist, '--json', out], { stdio: 'ignore' });
  } catch {
    // Over the budget of the five seeds: the figure is what matters here.
  }
  return JSON.parse(readFileSync(out, 'utf8')).total.gzip;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const rows = [];
for (const count of counts) {
  const dist = scaleDist(count, join(ROOT, 'target', `scale-${count}`));
  const fiches = JSON.parse(readFileSync(join(dist, 'data', 'index.json'), 'utf8')).fiches.code.length;
  const server = await startServer({ root: dist, gzip: true });
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-app-ready="true"]', { timeout: 300_000 });
  const mount = Date.now() - t0;
  // The search index is built in slices once the search box has the focus.
  const searchReady = await page.evaluate(async () => {
    const start = performance.now();
    document.querySelector('#search-input').focus();
    while (!document.querySelector('form[data-search="ready"]')) {
      await new Promise((r) => setTimeout(r, 5));
    }
    return performance.now() - start;
  });
  const keystrokes = await page.evaluate(async (queries) => {
    const input = document.querySelector('#search-input');
    const nextTask = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    });
    const times = [];
    for (const query of queries) {
      for (let i = 1; i <= query.length; i += 1) {
        const start = performance.now();
        input.value = query.slice(0, i);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await nextTask();
        times.push(performance.now() - start);
        await new Promise(requestAnimationFrame);
      }
    }
    return times;
  }, QUERIES);
  // A fiche, opened once (fetched and cached), then again from the cache.
  const code = count > 0 ? 'RNCP900042' : 'RNCP37722';
  const openFiche = () =>
    page.evaluate(async (c) => {
      location.hash = '#/';
      await new Promise((r) => requestAnimationFrame(r));
      const start = performance.now();
      location.hash = `#/fiche/${c}`;
      while (!document.querySelector('[data-testid="fiche-body"]')) {
        await new Promise((r) => requestAnimationFrame(r));
      }
      return performance.now() - start;
    }, code);
  await openFiche();
  const fiche = await openFiche();
  rows.push({
    fiches,
    index: gzip(join(dist, 'data', 'index.json')),
    firstLoad: firstLoad(dist),
    mount,
    searchReady,
    p50: quantile(keystrokes, 0.5),
    p95: quantile(keystrokes, 0.95),
    max: Math.max(...keystrokes),
    n: keystrokes.length,
    fiche,
  });
  await context.close();
  await server.close();
}
await browser.close();

const kb = (b) => `${(b / 1024).toFixed(1)} KiB`;
const ms = (x) => `${x.toFixed(1)} ms`;
console.log('\nCatalogue at scale (headless Chromium, this machine, gzip served, no throttling)');
console.log('fiches | index gzip | first load gzip | mounted after | search ready after focus | keystroke p50 / p95 / max (n) | fiche from cache');
for (const r of rows) {
  console.log(
    `${String(r.fiches).padStart(6)} | ${kb(r.index).padStart(11)} | ${kb(r.firstLoad).padStart(15)} | ${String(r.mount).padStart(10)} ms | ${ms(r.searchReady).padStart(10)} | ${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.max)} (${r.n}) | ${ms(r.fiche)}`,
  );
}
