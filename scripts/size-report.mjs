#!/usr/bin/env node
// First-load size report for the release build in dist/.
//
// A first visit downloads index.html and everything it references (the JS glue, the .wasm, CSS,
// icons, preloads), everything those JS/CSS files reference in turn (wasm-bindgen snippets,
// fonts), and the web app manifest and service worker when there are some (with what the worker
// precaches: the catalogue's index among them; not the search file and fiches, fetched on use). Each file is
// gzipped at level 9 (what a static host would send); the total is checked against the budget
// in size-budget.json: { "first_load_gzip_bytes": N }. The embed script a provider's page
// loads (`embed.js`, not part of the app's first load) is reported on its own line and checked
// against "embed_js_gzip_bytes".
//
// Code splitting (scripts/split.mjs): the wasm chunks named by the link module
// (`__wasm_split-<hash>.js`) are fetched when a page needs them, not on a first visit, so they
// are not followed. The report then prints the first load per page kind: a first visit that
// lands on that page downloads the first load plus the chunks of the page (and, for a fiche,
// the fiche's file: the largest one is counted).
//
// Usage: node scripts/size-report.mjs [dist] [--budget size-budget.json] [--json out.json]
// Exit status: 0 within budget, 1 over budget, 2 on a usage or missing-file error.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { readLink } from './split-link.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const budgetFile = resolve(ROOT, option('--budget') ?? 'size-budget.json');
const jsonOut = option('--json');
const dist = resolve(ROOT, args[0] ?? 'dist');

function fail(message) {
  console.error(`size-report: ${message}`);
  process.exit(2);
}

if (!existsSync(join(dist, 'index.html'))) fail(`${dist}/index.html not found: build first (make build)`);

// Files whose text we follow for references, and what a reference may point to.
const FOLLOW = new Set(['.html', '.js', '.mjs', '.css']);
const ASSET = /\.(?:js|mjs|wasm|css|json|webmanifest|svg|png|ico|jpe?g|webp|woff2?|txt)$/i;
// Quoted strings and CSS url(...) values that look like a path to an asset.
const REFERENCE = /(?:["'`]|url\(\s*["']?)([^"'`()\s<>]+?\.(?:js|mjs|wasm|css|json|webmanifest|svg|png|ico|jpe?g|webp|woff2?|txt))(?:[?#][^"'`()\s]*)?(?=["'`)\s])/gi;
// Named by the service worker but fetched only on use (the search file when the search box is
// first used, a fiche when it is opened or selected): not part of a first visit.
const ON_USE = /^data\/(?:search\.json$|fiches\/)/;
// The UI's messages come in files per language and part (data/i18n/<lang>-<part>-<id>.json,
// src/i18n): a first visit to the catalogue downloads its language's `start` part, French by
// default; a page loaded on demand adds the `pages` part (counted with the pages below); the
// other language's are precached by the service worker after the first load, like the chunks.
const FIRST_TABLE = /^data\/i18n\/fr-start-[^/]+\.json$/;
const OTHER_TABLES = /^data\/i18n\/(?!fr-start-)[^/]+\.json$/;
// Downloaded on a first visit even when only the wasm names them.
const WELL_KNOWN = ['sw.js', 'service-worker.js', 'manifest.webmanifest', 'manifest.json', 'favicon.ico'];

// The pages' stylesheet (style/pages.css, which the link module loads with a page's chunks):
// downloaded with the first page loaded on demand; precached by the service worker.
const PAGES_CSS = /^pages-[0-9a-f]+\.css$/;
// The link module of the split wasm (scripts/split.mjs).
const LINK_MODULE = /^__wasm_split-[0-9a-f]+\.js$/;

function resolveRef(ref, fromFile) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return null; // other origin / data:
  const clean = ref.replace(/^\.\//, './');
  const target = clean.startsWith('/') ? join(dist, clean) : join(dirname(fromFile), clean);
  const full = resolve(target);
  if (full !== dist && !full.startsWith(dist + sep)) return null;
  return existsSync(full) && statSync(full).isFile() ? full : null;
}

// The chunks the link module loads on demand. The service worker precaches them after the
// first load (offline): reported on a line of their own, not counted in the first load.
const linkName = readdirSync(dist).find((f) => LINK_MODULE.test(f));
let link;
try {
  link = linkName && readLink(readFileSync(join(dist, linkName), 'utf8'));
} catch (e) {
  fail(`${linkName}: ${e.message}`);
}
const CHUNKS = new Set(link ? [...link.chunks.values(), ...link.points.map((p) => p.file)] : []);

const seen = new Set();
const queue = [join(dist, 'index.html')];
for (const name of WELL_KNOWN) {
  if (existsSync(join(dist, name))) queue.push(join(dist, name));
}
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  seen.add(file);
  if (!FOLLOW.has(extname(file).toLowerCase())) continue;
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(REFERENCE)) {
    if (!ASSET.test(match[1])) continue;
    if (CHUNKS.has(match[1].replace(/^.*\//, ''))) continue; // loaded on demand (or precached)
    const target = resolveRef(match[1], file);
    const path = target && relative(dist, target).split(sep).join('/');
    if (target && (ON_USE.test(path) || OTHER_TABLES.test(path) || PAGES_CSS.test(path))) continue;
    if (target && !seen.has(target)) queue.push(target);
  }
}

const sizeOf = (file) => {
  const raw = readFileSync(file);
  const gzip = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }).length;
  return { file: relative(dist, file), raw: raw.length, gzip };
};
const rows = [...seen]
  .map(sizeOf)
  .sort((a, b) => b.gzip - a.gzip);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });

let budget;
let embedBudget;
try {
  ({ first_load_gzip_bytes: budget, embed_js_gzip_bytes: embedBudget } = JSON.parse(readFileSync(budgetFile, 'utf8')));
} catch (err) {
  fail(`cannot read the budget from ${budgetFile}: ${err.message}`);
}
if (!Number.isInteger(budget) || budget <= 0) fail(`${budgetFile}: first_load_gzip_bytes must be a positive integer`);

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const width = Math.max(4, ...rows.map((r) => r.file.length), 'total first load'.length);
const line = (a, b, c) => `${a.padEnd(width)}  ${b.padStart(14)}  ${c.padStart(14)}`;
console.log(`First-load size of ${relative(ROOT, dist) || '.'}/ (gzip -9 per file)`);
console.log(line('file', 'raw bytes', 'gzip bytes'));
console.log('-'.repeat(width + 32));
for (const r of rows) console.log(line(r.file, String(r.raw), String(r.gzip)));
console.log('-'.repeat(width + 32));
console.log(line('total first load', String(total.raw), String(total.gzip)));
console.log(`= ${kb(total.raw)} raw, ${kb(total.gzip)} gzip; budget ${budget} bytes gzip (${kb(budget)}, ${relative(ROOT, budgetFile)})`);

// First load per page kind: the first load + the page's chunks (its split point's file and the
// chunks it needs, from the link module's table).
const pages = [{ page: 'catalogue', extra: [] }];
for (const { name, file, deps, css } of link ? link.points : []) pages.push({ page: name, extra: [file, ...deps, ...(css ? [css] : [])] });
const fichesDir = join(dist, 'data/fiches');
const largestFiche = existsSync(fichesDir)
  ? readdirSync(fichesDir).map((f) => `data/fiches/${f}`).sort((a, b) => statSync(join(dist, b)).size - statSync(join(dist, a)).size)[0]
  : undefined;
// Chunks that are not pages but code a page calls when it needs it (src/ui/split.rs): the
// fiche reader, for every page that shows a fiche or works on the selection; the saved work's
// reader, for a visit with work saved by an earlier one (a first visit has none); the search
// index's builder, when the search box is first used; the share-link encoder, for "Ouvrir dans Repère" in embedded mode; the
// embedded mode itself (a provider's frame: the first load + embed_mode). Listed apart, and
// counted in the pages that use them.
const HELPERS = {
  fiche_reader: ['fiche', 'assess', 'experiences', 'results', 'compare', 'report'],
  saved_work: [],
  search_builder: [],
  share_link: [],
  embed_mode: [],
};
const helpers = pages.filter((p) => p.page in HELPERS);
const shown = pages.filter((p) => !(p.page in HELPERS));
for (const h of helpers) {
  for (const p of shown) {
    if (HELPERS[h.page].includes(p.page)) p.extra = [...new Set([...p.extra, ...h.extra])];
  }
}
const i18nDir = join(dist, 'data/i18n');
const tables = existsSync(i18nDir) ? readdirSync(i18nDir).sort().map((f) => sizeOf(join(i18nDir, f))) : [];
const firstTable = tables.find((t) => FIRST_TABLE.test(t.file));
const pagesTable = tables.find((t) => /^data\/i18n\/fr-pages-/.test(t.file));
const enStart = tables.find((t) => /^data\/i18n\/en-start-/.test(t.file));
const pagesCss = link?.points.find((p) => p.css)?.css;
if (pagesCss) console.log(`Pages' stylesheet (with the first page loaded on demand): ${pagesCss} ${sizeOf(join(dist, pagesCss)).gzip} bytes gzip`);
for (const p of [...shown, ...helpers]) {
  if (p.page === 'fiche' && largestFiche) p.extra.push(largestFiche);
  if (pagesTable && p.page !== 'catalogue' && !(p.page in HELPERS)) p.extra.push(pagesTable.file);
  const extra = p.extra.map((f) => sizeOf(join(dist, f)));
  p.gzip = total.gzip + extra.reduce((t, r) => t + r.gzip, 0);
  p.files = extra.length;
}
if (CHUNKS.size > 0) {
  const chunks = [...CHUNKS].map((f) => sizeOf(join(dist, f)));
  const gz = chunks.reduce((t, r) => t + r.gzip, 0);
  console.log(`${CHUNKS.size} wasm chunks (pages loaded on demand; precached by the service worker after the first load): ${gz} bytes gzip`);
}
if (tables.length > 0) {
  console.log(`UI messages (data/i18n): ${tables.map((t) => `${t.file.replace(/^data\/i18n\//, '').replace(/-[0-9a-f]{16}\.json$/, '')} ${t.gzip}`).join(', ')} bytes gzip`);
  if (firstTable && enStart) console.log(`  first load of the catalogue in English: ${total.gzip - firstTable.gzip + enStart.gzip} bytes gzip`);
}
console.log('First load per page kind (a first visit landing on the page; gzip bytes):');
const pageLine = (p) => console.log(`  ${p.page.padEnd(14)} ${String(p.gzip).padStart(8)}  (${kb(p.gzip)}; first load + ${p.files} file${p.files === 1 ? '' : 's'})`);
shown.forEach(pageLine);
if (helpers.length > 0) {
  console.log('Code loaded on use, not a page (first load + its chunks; counted above in the pages that use it):');
  helpers.forEach(pageLine);
}

// The embed script, loaded by providers' pages (not by the app).
const embedPath = join(dist, 'embed.js');
if (!existsSync(embedPath)) fail(`${embedPath} not found (public/embed.js is copied by Trunk)`);
if (!Number.isInteger(embedBudget) || embedBudget <= 0) fail(`${budgetFile}: embed_js_gzip_bytes must be a positive integer`);
const embedRaw = readFileSync(embedPath);
const embed = { raw: embedRaw.length, gzip: gzipSync(embedRaw, { level: constants.Z_BEST_COMPRESSION }).length };
console.log(`embed.js (providers' pages): ${embed.raw} bytes raw, ${embed.gzip} bytes gzip; budget ${embedBudget} bytes gzip`);

if (jsonOut) {
  writeFileSync(resolve(ROOT, jsonOut), `${JSON.stringify({ files: rows, total, pages: pages.map(({ page, gzip }) => ({ page, gzip })), budget, embed, embedBudget }, null, 2)}\n`);
}
let over = false;
if (total.gzip > budget) {
  console.error(`size-report: FAIL first load is ${total.gzip} bytes gzip, over the budget of ${budget} by ${total.gzip - budget}`);
  over = true;
}
if (embed.gzip > embedBudget) {
  console.error(`size-report: FAIL embed.js is ${embed.gzip} bytes gzip, over its budget of ${embedBudget} by ${embed.gzip - embedBudget}`);
  over = true;
}
if (over) process.exit(1);
console.log(`size-report: OK (${((100 * total.gzip) / budget).toFixed(0)}% of budget)`);
