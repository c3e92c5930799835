// The split wasm's link module (`__wasm_split-<hash>.js`), in a compact form of our own.
//
// wasm-split-cli writes one loader per chunk and per split point, each a five-line copy of the
// same function: 42 KB, 4.2 KB gzip, all of it on a first visit (the glue imports it). Its
// content is only a table: which file each chunk is, and which chunks each split point needs
// besides its own file. `compactLink` reads wasm-split-cli's module (and refuses any other
// shape, so a new version of the tool cannot be compacted wrongly), then writes the same loaders
// from that table: same order of work (the chunks start downloading with the split point's
// file, the split point is instantiated once they all are), same memoisation (of successes
// only), same callback into the wasm. `readLink` reads the compact module back (the size
// report and the tests use it).

import { createHash } from 'node:crypto';

// wasm-split-cli's module around the loaders, with the glue's name and the list of shared
// exports taken out (the lines that hold them become the markers below). A different text is a
// different version of the tool: compactLink fails, and this file is to be reviewed.
const PRELUDE_SHA256 = '3a4adaa446e8e02adb60c66af68ef15bfa0527a22c572e77db5434efad1c0358';

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

const LOADER = String.raw`(?:/\* [^*]* \*/\n)?(const __chunk_(\d+)|export const __wasm_split_load_(\w+)) = (wrapAsyncCb\()?makeLoad\(\(\) => \{
    const src = fetch\(new URL\("\./([^"]+\.wasm)", import\.meta\.url\)\);
    src\.catch\(\(\) => \{\}\);
    return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);
\}
, \[([^\]]*)\]\)(\)?);\n`;

/** wasm-split-cli's link module → { glue, shared, chunks: [{ n, file, deps }], points: [{ name, file, deps }] }
 * (deps: chunk numbers). Throws on any other shape. */
export function parseSplitLink(text) {
  const start = text.search(/\n(?=\/\* |const __chunk_|export const __wasm_split_load_)/);
  if (start < 0) throw new Error('the link module has no loader');
  const prelude = text.slice(0, start + 1);
  const glue = prelude.match(/^import \{ initSync \} from "\.\/([^"]+\.js)";\n/)?.[1];
  const shared = prelude.match(/\n {8}const \{ ([\w, ]+?),? {2}\} = initSync\(undefined, undefined\);\n/)?.[1];
  if (!glue || !shared) throw new Error('the link module does not start as wasm-split-cli writes it');
  const normal = prelude.replace(glue, 'GLUE').replaceAll(shared, 'SHARED');
  if (sha256(normal) !== PRELUDE_SHA256) {
    throw new Error(`the link module's prelude is not the one scripts/split-link.mjs knows (sha256 ${sha256(normal)}): review it`);
  }
  const chunks = [];
  const points = [];
  const loader = new RegExp(LOADER, 'y');
  loader.lastIndex = start + 1;
  while (loader.lastIndex < text.length) {
    const at = loader.lastIndex;
    const m = loader.exec(text);
    if (!m) throw new Error(`the link module has an unknown loader at character ${at}: ${JSON.stringify(text.slice(at, at + 80))}`);
    const [, , n, name, wrapped, file, depList, closing] = m;
    if (Boolean(name) !== Boolean(wrapped) || Boolean(wrapped) !== Boolean(closing)) {
      throw new Error(`the link module's loader at character ${at} is neither a chunk nor a split point`);
    }
    const deps = depList.split(',').map((d) => d.trim()).filter(Boolean).map((d) => {
      const dep = d.match(/^__chunk_(\d+)$/)?.[1];
      if (!dep) throw new Error(`the link module names an unknown dependency ${d}`);
      return Number(dep);
    });
    if (name) points.push({ name, file, deps });
    else {
      if (file !== `chunk_${n}.wasm`) throw new Error(`__chunk_${n} loads ${file}`);
      chunks.push({ n: Number(n), file, deps });
    }
  }
  const known = new Set(chunks.map((c) => c.n));
  for (const { deps } of [...chunks, ...points]) {
    const missing = deps.find((d) => !known.has(d));
    if (missing !== undefined) throw new Error(`the link module uses __chunk_${missing} but defines no such chunk`);
  }
  if (points.length === 0) throw new Error('the link module has no split point');
  return { glue, shared: shared.split(',').map((s) => s.trim()), chunks, points };
}

// "16,21-25,30" ↔ [16, 21, 22, 23, 24, 25, 30]
const ranges = (numbers) => {
  const out = [];
  for (const n of [...numbers].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',');
};
const unranges = (text) => (text ? text.split(',').flatMap((r) => {
  const [a, b = a] = r.split('-').map(Number);
  return Array.from({ length: b - a + 1 }, (_, k) => a + k);
}) : []);

/** The split points that are code, not pages: they do not need the pages' stylesheet (the
 * search index's builder runs on the catalogue, whose styles are all in style/main.css). */
export const CODE_ONLY = ['fiche_reader', 'saved_work', 'search_builder', 'share_link', 'embed_mode'];

/** The compact module: `link` as parsed by parseSplitLink, `names` maps a wasm file of the
 * original module to the name it is served under (`chunk_15.wasm` → `chunk_15-<hash>.wasm`),
 * `glue` is the name the glue is served under, `css` the pages' stylesheet, which every page's
 * loader (every split point but CODE_ONLY's) loads with its chunks. */
export function compactLink(link, names, glue, css) {
  const served = (file) => {
    const name = names.get(file);
    if (!name) throw new Error(`no served name for ${file}`);
    return name;
  };
  const table = link.chunks.map(({ n, file, deps }) => {
    const name = served(file);
    const hash = name.match(new RegExp(`^chunk_${n}-([0-9a-f]+)\\.wasm$`))?.[1];
    if (!hash) throw new Error(`${file} is served as ${name}, not chunk_${n}-<hash>.wasm`);
    return `${n}:${hash}:${ranges(deps)}`;
  }).join(' ');
  const shared = link.shared.join(',');
  const lines = [
    `import{initSync}from"./${glue}";`,
    // The wasm's shared exports, read once (getSharedImports).
    `let s;const g=()=>{if(s===void 0){const{${shared}}=initSync(void 0,void 0);s={__wasm_split:{${shared}}}}return s};`,
    // wrapAsyncCb: runs the load, then calls the wasm back with its outcome.
    'const W=f=>async(c,d)=>{let o;try{await f();o=!0}catch(e){console.error(e);o=!1}finally{g().__wasm_split.__indirect_function_table.get(c)(d,o)}};',
    // makeLoad: the file's download starts with its dependencies'; a failed load is not kept.
    'const L=(u,d)=>{const l=async()=>{const p=d.map(f=>f()),r=fetch(new URL(u,import.meta.url));r.catch(()=>{});await Promise.all(p);return WebAssembly.instantiateStreaming(r,g())};let m;return()=>{if(m===void 0){const x=l();x.catch(()=>{if(m===x)m=void 0});m=x}return m}};',
    // The pages' stylesheet: one <link>, resolved once it applies; on failure taken away, so
    // that the page's next attempt ("Réessayer") adds it again.
    `const S=()=>S.p??=new Promise((y,n)=>{const l=document.createElement("link");l.rel="stylesheet";l.href=new URL("./${css}",import.meta.url);l.onload=y;l.onerror=()=>{l.remove();S.p=void 0;n(Error("${css}"))};document.head.append(l)});`,
    'const C={},D=t=>t?t.split(",").flatMap(r=>{const[a,b=a]=r.split("-").map(Number);return Array.from({length:b-a+1},(_,k)=>()=>C[a+k]())}):[];',
    `for(const e of"${table}".split(" ")){const[n,h,d]=e.split(":");C[n]=L(\`./chunk_\${n}-\${h}.wasm\`,D(d))}`,
    ...link.points.map(({ name, file, deps }) => {
      const needs = CODE_ONLY.includes(name) ? `D("${ranges(deps)}")` : `[S,...D("${ranges(deps)}")]`;
      return `export const __wasm_split_load_${name}=W(L("./${served(file)}",${needs}));`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}

/** The compact module → { chunks: Map(n → file), points: [{ name, file, deps: [files], css }] }
 * (css: the stylesheet a page's loader loads, undefined for code). */
export function readLink(text) {
  const table = text.match(/^for\(const e of"([^"]*)"\.split/m)?.[1];
  if (table === undefined) throw new Error('not a compact link module (scripts/split-link.mjs)');
  const chunks = new Map(table.split(' ').filter(Boolean).map((e) => {
    const [n, h] = e.split(':');
    return [Number(n), `chunk_${n}-${h}.wasm`];
  }));
  const css = text.match(/^const S=.*?new URL\("\.\/([^"]+\.css)"/m)?.[1];
  const points = [...text.matchAll(/^export const __wasm_split_load_(\w+)=W\(L\("\.\/([^"]+\.wasm)",(\[S,\.\.\.)?D\("([^"]*)"\)\]?\)\);$/gm)]
    .map(([, name, file, styled, deps]) => ({
      name,
      file,
      deps: unranges(deps).map((n) => {
        if (!chunks.has(n)) throw new Error(`${name} needs chunk ${n}, which the table does not name`);
        return chunks.get(n);
      }),
      css: styled ? css : undefined,
    }));
  if (points.length === 0) throw new Error('the compact link module has no split point');
  return { chunks, points };
}
