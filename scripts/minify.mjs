// Minification of the release build's JavaScript and CSS (Trunk's own minifier also rewrites
// index.html, which scripts/prerender.mjs reads, so it stays off): terser for the JS glue and
// the service worker, Lightning CSS for the stylesheet. Both from npm (package.json). Measured
// on the first load: −2.9 KB gzip for the two JS files, −1.6 KB for the CSS (issue 8). The
// split link module is written compact by scripts/split-link.mjs instead.

import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
import { transform } from 'lightningcss';

/** Minified JS. `module`: an ES module (the glue, the link module), else a classic script. */
export async function minifyJs(code, { module, name, preamble }) {
  // ecma 2020: what the glue already uses; no unsafe transforms, names of exports kept.
  const out = await minify(code, {
    module,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false, preamble },
  });
  if (typeof out.code !== 'string') throw new Error(`terser produced nothing for ${name}`);
  return out.code;
}

/** Minifies a CSS file in place (no prefixing or down-levelling: the same rules, shorter). */
export function minifyCssFile(path) {
  const { code, warnings } = transform({ filename: path, code: readFileSync(path), minify: true });
  for (const w of warnings) console.warn(`minify: ${path}: ${w.message}`);
  writeFileSync(path, code);
}
