#!/usr/bin/env node
// Code splitting: cuts the app's wasm into the main module (what the catalogue needs) and the
// chunks of the pages loaded on demand (src/ui/split.rs), the way cargo-leptos --split does it
// (its src/compile/front.rs): split the linked wasm (wasm-split-cli, crate
// wasm_split_cli_support, installed by scripts/bootstrap.sh), wasm-bindgen on the main module
// (--keep-lld-exports --no-demangle), then wasm-opt on it and on every chunk (release only).
//
// Trunk 0.21 cannot split (trunk issue #1022): it runs wasm-bindgen and wasm-opt on the whole
// wasm. This script runs in Trunk's post_build hook (Trunk.toml; `make serve` and `make build`)
// and replaces, in the staging folder, Trunk's JS glue and wasm by the split ones under the same
// names (so Trunk's loader in index.html stays as it is; its integrity hashes are recomputed),
// adding the link module `__wasm_split-<hash>.js` (which the glue imports, and which fetches
// the chunks; written compact by scripts/split-link.mjs) and the chunks, each named after its
// content hash; and the pages' stylesheet (style/pages.css → pages-<hash>.css), which the link
// module loads with every page's chunks.
//
// Usage: node scripts/split.mjs <staging dir>   (TRUNK_PROFILE=release|debug, from Trunk)

import { execFile, execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import {
  copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyCssFile, minifyJs } from './minify.mjs';
import { compactLink, parseSplitLink } from './split-link.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const staging = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? '');
const profile = process.env.TRUNK_PROFILE ?? 'release';
const targetDir = resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target');
const rawWasm = join(targetDir, 'wasm32-unknown-unknown', profile, 'repere.wasm');

const fail = (message) => {
  console.error(`split: ${message}`);
  process.exit(1);
};
const run = (cmd, args) => {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    fail(`${cmd} failed (${e.message.split('\n')[0]})`);
  }
};
const digest = (bytes, algo = 'sha256') => createHash(algo).update(bytes).digest();
const shortHash = (bytes) => digest(bytes).toString('hex').slice(0, 16);
// The chunks' names carry 8 hex digits of their content's hash (as Vite's do): there are some
// 130 of them, each named in the link module and in the service worker's list, where 16 digits
// cost about 1 KB gzip of the first load. Two builds' versions of one chunk_N colliding is a
// 1 in 4·10⁹ chance, and the worker revalidates what it precaches anyway.
const chunkHash = (bytes) => digest(bytes).toString('hex').slice(0, 8);

// Trunk's output: repere-<hash>.js and repere-<hash>_bg.wasm.
const glue = readdirSync(staging).find((f) => /^repere-[0-9a-f]+\.js$/.test(f));
if (!glue) fail(`no repere-<hash>.js in ${staging}`);
const stem = glue.slice(0, -'.js'.length);
const html = join(staging, 'index.html');

// wasm-opt's options: the same as Trunk's, read from index.html's <link data-trunk rel="rust">.
const source = readFileSync(join(ROOT, 'index.html'), 'utf8');
const rustLink = source.match(/<link data-trunk rel="rust"[^>]*>/)?.[0] ?? '';
const optLevel = rustLink.match(/data-wasm-opt="([^"]+)"/)?.[1] ?? 'z';
const optParams = (rustLink.match(/data-wasm-opt-params="([^"]+)"/)?.[1] ?? '').split(/\s+/).filter(Boolean);

const work = mkdtempSync(join(tmpdir(), 'repere-split-'));
try {
  const started = Date.now();
  const splitDir = join(work, 'split');
  const outDir = join(work, 'out');
  run('wasm-split-cli', [rawWasm, splitDir, '--out-name', stem]);
  run('wasm-bindgen', [
    '--target=web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    `--out-dir=${outDir}`, `--out-name=${stem}`, join(splitDir, `${stem}.wasm`),
  ]);
  const chunks = readdirSync(splitDir).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
  if (chunks.length === 0) fail('the wasm has no split point (src/ui/split.rs)');
  const wasmFiles = [join(outDir, `${stem}_bg.wasm`), ...chunks.map((c) => join(splitDir, c))];
  if (profile === 'release') {
    // One wasm-opt per core at a time, biggest first (the main module).
    const queue = [...wasmFiles];
    const worker = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        await promisify(execFile)('wasm-opt', [`-O${optLevel}`, ...optParams, file, '-o', file])
          .catch((e) => fail(`wasm-opt failed on ${file}: ${e.stderr || e.message}`));
      }
    };
    await Promise.all(Array.from({ length: Math.min(availableParallelism(), 4) }, worker));
  }

  // Content-hashed names: a host's HTTP cache never mixes two builds' chunks.
  const release = profile === 'release';
  let link;
  try {
    link = parseSplitLink(readFileSync(join(splitDir, '__wasm_split.js'), 'utf8'));
  } catch (e) {
    fail(`wasm-split-cli's link module: ${e.message}`);
  }
  const names = new Map();
  for (const chunk of chunks) {
    const bytes = readFileSync(join(splitDir, chunk));
    const named = `${chunk.slice(0, -'.wasm'.length)}-${chunkHash(bytes)}.wasm`;
    names.set(chunk, named);
    writeFileSync(join(staging, named), bytes);
  }
  const named = new Set([...link.chunks, ...link.points].map((l) => l.file));
  const stray = chunks.find((c) => !named.has(c));
  if (stray) fail(`the link module does not name ${stray}`);
  // The pages' stylesheet (style/pages.css) is not linked by index.html: the link module loads
  // it with a page's chunks (scripts/split-link.mjs), so no page is ever shown without it.
  const pagesTmp = join(staging, 'pages.css');
  copyFileSync(join(ROOT, 'style/pages.css'), pagesTmp);
  if (release) minifyCssFile(pagesTmp);
  const pagesCss = `pages-${shortHash(readFileSync(pagesTmp))}.css`;
  renameSync(pagesTmp, join(staging, pagesCss));
  // One table instead of a loader per file (scripts/split-link.mjs): 4.2 -> 2.4 KB gzip.
  let compact;
  try {
    compact = compactLink(link, names, glue, pagesCss);
  } catch (e) {
    fail(`the link module: ${e.message}`);
  }
  const linkName = `__wasm_split-${shortHash(compact)}.js`;
  writeFileSync(join(staging, linkName), compact);
  let js = readFileSync(join(outDir, `${stem}.js`), 'utf8');
  // Only the import statements: the wasm's own import module stays "./__wasm_split.js".
  const linkImport = /^(import \* as \w+ from )(["'])\.\/__wasm_split\.js\2/gm;
  if (!linkImport.test(js)) fail(`${stem}.js does not import ./__wasm_split.js`);
  js = js.replace(linkImport, `$1"./${linkName}"`);
  if (release) js = await minifyJs(js, { module: true, name: glue });
  writeFileSync(join(staging, glue), js);
  // The stylesheet too (Trunk's own minifier would also rewrite index.html, which
  // scripts/prerender.mjs reads).
  const styles = readdirSync(staging).filter((f) => f.endsWith('.css') && f !== pagesCss);
  if (release) styles.forEach((f) => minifyCssFile(join(staging, f)));
  copyFileSync(join(outDir, `${stem}_bg.wasm`), join(staging, `${stem}_bg.wasm`));

  // Trunk's subresource-integrity hashes of the replaced files.
  let page = readFileSync(html, 'utf8');
  for (const file of [glue, `${stem}_bg.wasm`, ...styles]) {
    const sri = `sha384-${digest(readFileSync(join(staging, file)), 'sha384').toString('base64')}`;
    page = page.replace(
      new RegExp(`(href="[^"]*${file.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*(")`, 'g'),
      `$1${sri}$2`,
    );
  }
  writeFileSync(html, page);
  console.log(`split: ${stem} + ${chunks.length} chunks (${profile}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
