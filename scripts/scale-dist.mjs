#!/usr/bin/env node
// A copy of the release build (dist/) whose catalogue is the bundled certifications plus <count>
// synthetic ones (`rncp-synth catalogue`, drawn from the real fiches' shapes and words), for the
// scale test and benchmarks. Nothing is rebuilt: the data lives beside the wasm (see
// core::dataset), so swapping dist/data/ is a new catalogue. The copy has no prerendered first
// screen (that of dist/ shows the bundled catalogue).
//
//   node scripts/scale-dist.mjs <count> <out dir>     → <out dir>/dist
//
// Needs `make build` first; runs `cargo run --offline` for rncp-synth and repere-data.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `extra`: folders of certification files (e.g. `rncp-import`'s output) added to the catalogue. */
export function scaleDist(count, out, { extra = [] } = {}) {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run make build first');
  rmSync(out, { recursive: true, force: true });
  const data = join(out, 'data');
  const cargo = (...args) =>
    execFileSync('cargo', ['run', '--quiet', '--offline', '--bin', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  if (count > 0) cargo('rncp-synth', '--', 'catalogue', '--out', data, '--count', String(count));
  mkdirSync(data, { recursive: true });
  for (const dir of [join(ROOT, 'data'), ...extra]) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) cpSync(join(dir, f), join(data, f));
  }
  const target = join(out, 'dist');
  cpSync(dist, target, { recursive: true });
  cargo('repere-data', '--', data, join(target, 'data'));
  const index = join(target, 'index.html');
  const html = readFileSync(index, 'utf8')
    .replace(/<body>\s*<div id="prerender">[\s\S]*<\/div>\s*<\/body>/, '<body></body>')
    .replace(/\s*<meta name="repere-prerendered"[^>]*>/, '');
  writeFileSync(index, html);
  execFileSync(process.execPath, [join(ROOT, 'scripts/sw.mjs'), target], { stdio: 'ignore' });
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [count, out] = process.argv.slice(2);
  if (!count || !out) {
    console.error('usage: node scripts/scale-dist.mjs <count> <out dir>');
    process.exit(2);
  }
  console.log(scaleDist(Number(count), resolve(out)));
}
