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
  ],
};
const served = (file) => file.replace('.wasm', `-${file.includes('chunk') ? 'aa' : 'bb'}0123.wasm`);
const NAMES = new Map([...LINK.chunks, ...LINK.points].map(({ file }) => [file, served(file)]));

test('the table reads back: every split point with its file and its chunks, in order', () => {
  const text = compactLink(LINK, NAMES, 'repere-1.js');
  const { chunks, points } = readLink(text);
  assert.deepEqual([...chunks.keys()], [3, 4, 5, 9]);
  assert.deepEqual(points, [
    { name: 'fiche', file: 'split_fiche-bb0123.wasm', deps: ['chunk_3-aa0123.wasm', 'chunk_4-aa0123.wasm', 'chunk_5-aa0123.wasm', 'chunk_9-aa0123.wasm'] },
    { name: 'assess', file: 'split_assess-bb0123.wasm', deps: ['chunk_5-aa0123.wasm'] },
    { name: 'share', file: 'split_share-bb0123.wasm', deps: [] },
  ]);
  assert.match(text, /D\("3-5,9"\)/, 'consecutive chunks are written as a range');
});

test('a file without a served name, or a chunk served under another name, is refused', () => {
  assert.throws(() => compactLink(LINK, new Map(), 'repere-1.js'), /no served name for chunk_3\.wasm/);
  const wrong = new Map(NAMES).set('chunk_4.wasm', 'chunk_40-aa.wasm');
  assert.throws(() => compactLink(LINK, wrong, 'repere-1.js'), /not chunk_4-<hash>\.wasm/);
  assert.throws(() => readLink('export const x=1;'), /not a compact link module/);
});

test('the loaders download a split point with its chunks, call the wasm back, keep successes only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'repere-link-'));
  const calls = [];
  const fetched = [];
  let failing = new Set();
  globalThis.__link_test = {
    table: { get: (index) => (data, ok) => calls.push([index, data, ok]) },
  };
  writeFileSync(join(dir, 'repere-1.js'),
    'export const initSync = () => ({ __indirect_function_table: globalThis.__link_test.table, __wasm_split_shared0: {}, memory: {} });\n');
  writeFileSync(join(dir, 'link.mjs'), compactLink(LINK, NAMES, 'repere-1.js'));
  const realFetch = globalThis.fetch;
  const realInstantiate = WebAssembly.instantiateStreaming;
  globalThis.fetch = (url) => {
    const file = String(url).replace(/^.*\//, '');
    fetched.push(file);
    return failing.has(file) ? Promise.reject(new Error(`offline: ${file}`)) : Promise.resolve(file);
  };
  WebAssembly.instantiateStreaming = async (response, imports) => {
    assert.ok(imports.__wasm_split.__indirect_function_table, 'the shared exports are passed');
    return { instance: await response };
  };
  const quiet = console.error;
  console.error = () => {};
  try {
    const link = await import(pathToFileURL(join(dir, 'link.mjs')));
    await link.__wasm_split_load_fiche(7, 'a');
    assert.deepEqual(fetched.sort(), ['chunk_3-aa0123.wasm', 'chunk_4-aa0123.wasm', 'chunk_5-aa0123.wasm', 'chunk_9-aa0123.wasm', 'split_fiche-bb0123.wasm']);
    assert.deepEqual(calls, [[7, 'a', true]]);

    // Chunk 5 is already there: assess downloads its own file only.
    fetched.length = 0;
    await link.__wasm_split_load_assess(8, 'b');
    assert.deepEqual(fetched, ['split_assess-bb0123.wasm']);
    assert.deepEqual(calls.at(-1), [8, 'b', true]);

    // A failed download is reported to the wasm, and the next call tries again.
    failing = new Set(['split_share-bb0123.wasm']);
    fetched.length = 0;
    await link.__wasm_split_load_share(9, 'c');
    assert.deepEqual(calls.at(-1), [9, 'c', false]);
    failing = new Set();
    await link.__wasm_split_load_share(9, 'd');
    assert.deepEqual(calls.at(-1), [9, 'd', true]);
    assert.deepEqual(fetched, ['split_share-bb0123.wasm', 'split_share-bb0123.wasm']);
  } finally {
    console.error = quiet;
    globalThis.fetch = realFetch;
    WebAssembly.instantiateStreaming = realInstantiate;
    delete globalThis.__link_test;
    rmSync(dir, { recursive: true, force: true });
  }
});
