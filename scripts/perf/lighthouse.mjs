// `make perf`: Lighthouse 12 on the release build, served with gzip on 127.0.0.1 as a real host
// would, mobile (simulated slow 4G, 4× CPU) and desktop, `RUNS` runs each (3 by default). Prints
// the medians (score, FCP, LCP, TBT, TTI, CLS, bytes, longest main-thread task) and keeps every
// JSON report under target/perf/. A benchmark, not a test: the machine's load moves the timings.
//
//   node scripts/perf/lighthouse.mjs [dist=dist]      (RUNS=5 for more runs)

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../../tests/e2e/server.mjs';
import { CHROMIUM_ARGS } from '../../tests/e2e/chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = resolve(ROOT, process.argv[2] ?? 'dist');
const OUT = join(ROOT, 'target', 'perf');
const RUNS = Number(process.env.RUNS ?? 3);
// Headless Chromium, quiet and offline, as in the tests.
const FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function figures(lhr) {
  const a = lhr.audits;
  const tasks = a['long-tasks']?.details?.items ?? [];
  return {
    score: lhr.categories.performance.score,
    fcp: a['first-contentful-paint'].numericValue,
    lcp: a['largest-contentful-paint'].numericValue,
    tbt: a['total-blocking-time'].numericValue,
    tti: a.interactive?.numericValue ?? NaN,
    cls: a['cumulative-layout-shift'].numericValue,
    bytes: a['total-byte-weight'].numericValue,
    longest: tasks.reduce((m, t) => Math.max(m, t.duration ?? 0), 0),
  };
}

mkdirSync(OUT, { recursive: true });
const server = await startServer({ root: DIST, gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: FLAGS,
});
const rows = [];
try {
  for (const formFactor of ['mobile', 'desktop']) {
    const runs = [];
    for (let i = 1; i <= RUNS; i++) {
      const config = {
        extends: 'lighthouse:default',
        settings: {
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          formFactor,
          screenEmulation:
            formFactor === 'mobile'
              ? { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false }
              : { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
          throttling:
            formFactor === 'mobile'
              ? undefined
              : { rttMs: 40, throughputKbps: 10240, cpuSlowdownMultiplier: 1, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 },
        },
      };
      const result = await lighthouse(`${server.url}/`, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
      writeFileSync(join(OUT, `${formFactor}-${i}.json`), result.report);
      const f = figures(result.lhr);
      f.other = ['accessibility', 'best-practices', 'seo'].map((c) => result.lhr.categories[c].score);
      runs.push(f);
      console.log(`${formFactor} run ${i}: score ${f.score} LCP ${Math.round(f.lcp)} ms TBT ${Math.round(f.tbt)} ms`);
    }
    const m = (k) => median(runs.map((r) => r[k]));
    rows.push({
      formFactor,
      score: m('score').toFixed(2),
      'FCP ms': Math.round(m('fcp')),
      'LCP ms': Math.round(m('lcp')),
      'TBT ms': Math.round(m('tbt')),
      'TTI ms': Math.round(m('tti')),
      CLS: m('cls').toFixed(3),
      'KB transferred': Math.round(m('bytes') / 1024),
      'longest task ms': Math.round(m('longest')),
      'a11y/bp/seo': runs[0].other.join('/'),
    });
  }
} finally {
  await chrome.kill();
  await server.close();
}
console.log(`\nLighthouse ${RUNS} runs each, medians (reports in ${OUT}):`);
console.table(rows);
