// Build step (after `trunk build`, run by `make build`): the first screen without waiting for
// the wasm. Opens the built app in headless Chromium (the same components, the same data), takes
// the catalogue's markup once the app has mounted, and writes it into dist/index.html inside
// <div id="prerender">. A visitor sees the catalogue as soon as the HTML and CSS arrive; when the
// wasm mounts, `ui::browser::take_prerendered` removes that copy in the same task as the app's
// first render, so nothing flashes or moves. A deep link (`#/fiche/…`) or an English interface
// hides the copy from the first paint (the guard script in index.html).
//
//   node scripts/prerender.mjs [dist=dist]
//
// The statuses are those of the build day (<meta name="repere-prerendered">); the app recomputes
// them from the visitor's date when it mounts.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { minifyJs } from './minify.mjs';
import { startServer } from '../tests/e2e/server.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';

const dist = resolve(process.argv[2] ?? 'dist');
const indexPath = resolve(dist, 'index.html');
const html = readFileSync(indexPath, 'utf8');
if (/<body>\s*<div id="prerender">/.test(html)) {
  console.log('prerender: dist/index.html already holds the first screen');
  process.exit(0);
}

const server = await startServer({ root: dist });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--headless'] });
let markup;
try {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-app-ready="true"]', { state: 'attached', timeout: 60_000 });
  await page.getByTestId('cert-card').first().waitFor();
  markup = await page.evaluate(() => {
    const body = document.body.cloneNode(true);
    // Only what the app rendered: no scripts, no notices.
    body.querySelectorAll('script, .notices > *').forEach((n) => n.remove());
    return body.innerHTML.trim();
  });
} finally {
  await browser.close();
  await server.close();
}

// The wasm starts loading once the first screen is painted: the page's largest paint is the
// static catalogue, never waiting on the 400 KB wasm (a real phone on 4G, and Lighthouse's
// simulation, see the same). The glue JS (small) still loads in parallel.
const loader = /(<script type="module">\s*import init, \* as bindings from '[^']+';\s*)(const wasm = await init\()/;
if (!loader.test(html)) throw new Error('prerender: Trunk\'s loader script has changed: update scripts/prerender.mjs');
const afterPaint =
  'await new Promise((go) => (document.hidden ? go() : requestAnimationFrame(() => setTimeout(go, 0))));\n';

const day = new Date().toISOString().slice(0, 10);
let out = html
  .replace(loader, (_, head, call) => `${head}${afterPaint}${call}`)
  .replace(/<link rel="preload" href="[^"]+\.wasm"[^>]*>/, '')
  .replace('</head>', `  <meta name="repere-prerendered" content="${day}" />\n  </head>`)
  // Leptos' empty comments mark where its views go; this copy is only ever removed, not hydrated.
  .replace(/<body>\s*<\/body>/, () => `<body>\n<div id="prerender">${markup.replaceAll('<!---->', '')}</div>\n</body>`);
if (!out.includes('id="prerender"')) throw new Error('prerender: no empty <body></body> in dist/index.html');
// The head as shipped: its inline scripts minified (their comments stay in the source
// index.html) and no blank space between its tags. (scripts/csp.mjs hashes the scripts after.)
const [head, rest] = out.split('</head>');
if (rest === undefined) throw new Error('prerender: no </head> in dist/index.html');
let minHead = head;
for (const [whole, attrs, body] of head.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
  if (/\bsrc\s*=/.test(attrs) || !body.trim()) continue;
  const code = await minifyJs(body, { module: /type="module"/.test(attrs), name: 'index.html' });
  minHead = minHead.replace(whole, () => `<script${attrs}>${code}</script>`);
}
out = `${minHead.replace(/>\s+</g, '><')}</head>${rest}`;
writeFileSync(indexPath, out);
console.log(`prerender: first screen written into dist/index.html (${markup.length} characters of markup)`);
