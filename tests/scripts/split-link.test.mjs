// The compact link module (scripts/split-link.mjs): its table reads back as written, and its
// loaders behave as wasm-split-cli's do (downloads, order, memoised successes, callbacks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compactLink, readLink } from '../../scripts/split-link.mjs';

const LINK = {
  shared: ['__indirect_function_table', '__wasm_split_shared0', 'memory'],
  chunks: [
    { n: 3, file: 'chunk_3.wasm', deps: [] },
    { n: 4, file: 'chunk_4.wasm', deps: [] },
    { n: 5, file: 'chunk_5.wasm', deps: [] },
    { n: 9, file: 'chunk_9.wasm', deps: [3] },
  ],
  points: [
    { name: 'fiche', file: 'split_fiche.wasm', deps: [3, 4, 5, 9] },
    { name: 'assess', file: 'split_assess.wasm', deps: [5] },
    { name: 'share', file: 'split_share.wasm', deps: [] },
    { name: 'search_builder', file: 'split_search_builder.wasm', deps: [4] },
  ],
};
const served = (file) => file.replace('.wasm', `-${file.includes('chunk') ? 'aa' : 'bb'}0123.wasm`);
const NAMES = new Map([...LINK.chunks, ...LINK.points].map(({ file }) => [file, served(file)]));

test('the table reads back: every split point with its file and its chunks, in order', () => {
  const text = compactLink(LINK, NAMES, 'repere-1.js', 'pages-1.css');
  const { chunks, points } = readLink(text);
  assert.deepEqual([...chunks.keys()], [3, 4, 5, 9]);
  assert.deepEqual(points, [
    { name: 'fiche', file: 'split_fiche-bb0123.wasm', deps: ['chunk_3-aa0123.wasm', 'chunk_4-aa0123.wasm', 'chunk_5-aa0123.wasm', 'chunk_9-aa0123.wasm'] },
    { name: 'assess', file: 'split_assess-bb0123.wasm', deps: ['chunk_5-aa0123.wasm'] },
    { name: 'share', file: 'split_share-bb0123.wasm', deps: [] },
    { name: 'search_builder', file: 'split_search_builder-bb0123.wasm', deps: ['chunk_4-aa0123.wasm'] },
  ].map((p) => ({ ...p, css: p.name === 'search_builder' ? undefined : 'pages-1.css' })));
  assert.match(text, /D\("3-5,9"\)/, 'consecutive chunks are written as a range');
});

test('a file without a served name, or a chunk served under another name, is refused', () => {
  assert.throws(() => compactLink(LINK, new Map(), 'repere-1.js'), /no served name for chunk_3\.wasm/);
  const wrong = new Map(NAMES).set('chunk_4.wasm', 'chunk_40-aa.wasm');
  assert.throws(() => compactLink(LINK, wrong, 'repere-1.js'), /not chunk_4-<hash>\.wasm/);
  assert.throws(() => readLink('export const x=1;'), /not a compact link module/);
});

// The compact module of LINK, imported in a world of stubs: a glue whose function table records
// the callbacks into the wasm (`calls`), a fetch that records what it is asked (`fetched`) and
// fails the files in `net.failing`, a document whose <head> applies a stylesheet at once or
// fails it when `net.cssFails` (`links`: the <link>s in it).
async function withLink(body) {
  const dir = mkdtempSync(join(tmpdir(), 'repere-link-'));
  const calls = [];
  const fetched = [];
  const links = [];
  const net = { failing: new Set(), cssFails: false };
  globalThis.__link_test = { table: { get: (index) => (data, ok) => calls.push([index, data, ok]) } };
  writeFileSync(join(dir, 'repere-1.js'),
    'export const initSync = () => ({ __indirect_function_table: globalThis.__link_test.table, __wasm_split_shared0: {}, memory: {} });\n');
  writeFileSync(join(dir, 'link.mjs'), compactLink(LINK, NAMES, 'repere-1.js', 'pages-1.css'));
  globalThis.document = {
    createElement: (tag) => ({ tag, remove() { links.splice(links.indexOf(this), 1); } }),
    head: {
      append(link) {
        links.push(link);
        queueMicrotask(() => (net.cssFails ? link.onerror() : link.onload()));
      },
    },
  };
  const realFetch = globalThis.fetch;
  const realInstantiate = WebAssembly.instantiateStreaming;
  globalThis.fetch = (url) => {
    const file = String(url).replace(/^.*\//, '');
    fetched.push(file);
    return net.failing.has(file) ? Promise.reject(new Error(`offline: ${file}`)) : Promise.resolve(file);
  };
  WebAssembly.instantiateStreaming = async (response, imports) => {
    assert.ok(imports.__wasm_split.__indirect_function_table, 'the shared exports are passed');
    return { instance: await response };
  };
  const quiet = console.error;
  console.error = () => {};
  try {
    const link = await import(pathToFileURL(join(dir, 'link.mjs')));
    await body({ link, calls, fetched, links, net });
  } finally {
    console.error = quiet;
    globalThis.fetch = realFetch;
    WebAssembly.instantiateStreaming = realInstantiate;
    delete globalThis.__link_test;
    delete globalThis.document;
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the loaders download a split point with its chunks, call the wasm back, keep successes only', () =>
  withLink(async ({ link, calls, fetched, links, net }) => {
    await link.__wasm_split_load_fiche(7, 'a');
    assert.deepEqual(fetched.sort(), ['chunk_3-aa0123.wasm', 'chunk_4-aa0123.wasm', 'chunk_5-aa0123.wasm', 'chunk_9-aa0123.wasm', 'split_fiche-bb0123.wasm']);
    assert.deepEqual(calls, [[7, 'a', true]]);
    assert.deepEqual(links.map((l) => [l.tag, l.rel, String(l.href).replace(/^.*\//, '')]), [['link', 'stylesheet', 'pages-1.css']]);

    // Chunk 5 and the stylesheet are already there: assess downloads its own file only.
    fetched.length = 0;
    await link.__wasm_split_load_assess(8, 'b');
    assert.deepEqual(fetched, ['split_assess-bb0123.wasm']);
    assert.deepEqual(calls.at(-1), [8, 'b', true]);
    assert.equal(links.length, 1, 'the stylesheet is added once');

    // Code (the search index's builder) does not wait for the pages' stylesheet.
    net.cssFails = true;
    await link.__wasm_split_load_search_builder(5, 'e');
    assert.deepEqual(calls.at(-1), [5, 'e', true]);

    // A failed download is reported to the wasm, and the next call tries again.
    net.failing = new Set(['split_share-bb0123.wasm']);
    fetched.length = 0;
    await link.__wasm_split_load_share(9, 'c');
    assert.deepEqual(calls.at(-1), [9, 'c', false]);
    net.failing = new Set();
    await link.__wasm_split_load_share(9, 'd');
    assert.deepEqual(calls.at(-1), [9, 'd', true]);
    assert.deepEqual(fetched, ['split_share-bb0123.wasm', 'split_share-bb0123.wasm']);
  }));

test('a page whose stylesheet cannot be loaded fails, without a stray <link>, and loads on the next try', () =>
  withLink(async ({ link, calls, links, net }) => {
    net.cssFails = true;
    await link.__wasm_split_load_assess(1, 'x');
    assert.deepEqual(calls, [[1, 'x', false]]);
    assert.equal(links.length, 0, 'the failed <link> is taken away');
    net.cssFails = false;
    await link.__wasm_split_load_assess(1, 'y');
    assert.deepEqual(calls.at(-1), [1, 'y', true]);
    assert.equal(links.length, 1);
  }));
