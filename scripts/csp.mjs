#!/usr/bin/env node
// Build step (the last one of `make build`, after scripts/prerender.mjs): writes the app's
// Content Security Policy into dist/index.html as <meta http-equiv="Content-Security-Policy">.
//
// Every inline <script> left in the page (Trunk's module loader as prerender.mjs rewrote it,
// the first-screen guard, the service-worker registration) is allowed by its SHA-256 hash,
// computed here from the exact bytes shipped: no 'unsafe-inline', and a script changed without
// rebuilding the policy does not run. 'wasm-unsafe-eval' lets the page compile its wasm.
// Styles come only from files: no style="" attribute and no <style> element may remain.
//
// A <meta> policy cannot set frame-ancestors (who may embed the app): that is an HTTP header,
// see the README ("Intégrer Repère", recommended headers).
//
//   node scripts/csp.mjs [dist=dist]

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const indexPath = resolve(process.argv[2] ?? 'dist', 'index.html');
let html = readFileSync(indexPath, 'utf8');

// A policy from an earlier run is replaced (the step is idempotent).
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/i, '');

const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  const [, attrs, body] = m;
  if (/\bsrc\s*=/.test(attrs)) continue;
  hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}
if (/\sstyle\s*=/i.test(html.replace(/<script\b[\s\S]*?<\/script>/gi, ''))) {
  throw new Error('csp: dist/index.html has a style="" attribute: style-src \'self\' would block it');
}
if (/<style\b/i.test(html)) throw new Error('csp: dist/index.html has a <style> element');

export const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(hashes)].join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// Right after <meta charset>: a policy applies only to what follows it.
const charset = /<meta charset="utf-8"\s*\/?>/i;
if (!charset.test(html)) throw new Error('csp: no <meta charset="utf-8"> in dist/index.html');
html = html.replace(charset, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
writeFileSync(indexPath, html);
console.log(`csp: ${hashes.length} inline script(s) hashed; policy written into ${indexPath}`);
console.log(`csp: ${policy}`);
