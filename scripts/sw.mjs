#!/usr/bin/env node
// Writes <dist>/sw.js, the service worker of this build, from scripts/sw-template.js:
// - PRECACHE: every file of the build except the fiche files (data/fiches/) and the search file
//   (data/search.json), both cached on first use, embed.js (for providers' pages), the worker
//   itself, and the wasm chunks (the worker reads their names from the link module at install),
//   plus './' (the shell, index.html);
// - BUILD: a hash of every file of the build (names and contents, fiches included) and of the
//   worker's template, so that a
//   new deployment is a new worker, which replaces the previous build's caches.
// Run last in `make build` (after every step that rewrites dist/index.html), and by Trunk after
// each build (Trunk.toml), so `make serve` has a worker too.
//
// Usage: node scripts/sw.mjs [dist]

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyJs } from './minify.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(ROOT, 'dist'));

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.isFile() ? [relative(dist, path).split(sep).join('/')] : [];
  });
}

const all = files(dist)
  .filter((f) => f !== 'sw.js' && !f.startsWith('.'))
  .sort();
const hash = createHash('sha256');
for (const f of all) {
  hash.update(f);
  hash.update('\0');
  hash.update(readFileSync(join(dist, f)));
  hash.update('\0');
}
const template = readFileSync(join(ROOT, 'scripts/sw-template.js'), 'utf8');
hash.update(template);
const build = hash.digest('hex').slice(0, 16);
// embed.js is for providers' pages (they load it from here), not for the app itself.
const onUse = (f) => f.startsWith('data/fiches/') || f === 'data/search.json';
const appFile = (f) => f !== 'index.html' && !onUse(f) && !/(^|\/)embed\.js$/.test(f);
// The wasm chunks are read from the link module by the worker itself (sw-template.js, `linked`):
// listed here they cost about 1 KB gzip of the first load. Checked: the worker's reading of the
// link module finds exactly the build's chunks, else the build fails.
const linkFile = all.find((f) => /^__wasm_split-[0-9a-f]+\.js$/.test(f));
let chunks = [];
if (linkFile) {
  const linked = new Function(`${template.match(/^const linked = [\s\S]*?^\];$/m)?.[0] ?? 'throw new Error("sw-template.js has no linked()")'}\nreturn linked;`)();
  chunks = linked(readFileSync(join(dist, linkFile), 'utf8'));
  const wasm = all.filter((f) => /^(chunk|split)_\w+-[0-9a-f]+\.wasm$/.test(f));
  const missing = wasm.filter((f) => !chunks.includes(f));
  const stray = chunks.filter((f) => !wasm.includes(f));
  if (missing.length > 0 || stray.length > 0 || chunks.length === 0) {
    console.error(`sw.mjs: the worker's reading of ${linkFile} misses ${missing.join(', ') || 'nothing'} and names ${stray.join(', ') || 'nothing'} not in the build`);
    process.exit(1);
  }
}
const precache = ['./', ...all.filter((f) => appFile(f) && !chunks.includes(f))];
const worker = template
  .replace("'__BUILD__'", JSON.stringify(build))
  .replace('__PRECACHE__', JSON.stringify(precache, null, 2));
// Minified except in `make serve`'s debug builds (Trunk sets TRUNK_PROFILE).
const debug = process.env.TRUNK_PROFILE === 'debug';
// Its first line names the build (tests/e2e/upgrade.test.mjs reads it).
const preamble = `// Repère service worker, build ${build}`;
writeFileSync(
  join(dist, 'sw.js'),
  debug ? `${preamble}\n${worker}` : await minifyJs(worker, { module: false, name: 'sw.js', preamble }),
);
const fiches = all.filter(onUse).length;
console.log(`sw.mjs: build ${build}, ${precache.length + chunks.length} files precached (${chunks.length} wasm chunks named by the link module), ${fiches} files cached on use (fiches, search file)`);
