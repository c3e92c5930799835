// A tiny static file server for `dist/` (no dependencies), used by the end-to-end tests and by
// `make serve-dist`.
//
// Deliberately dumb, like the cheapest static host: it serves files that exist, with the right
// MIME type, and answers 404 to anything else. There are no rewrite rules: the app routes with
// the URL hash (`/#/fiche/...`), so a deep link only ever asks the server for `/`.
//
// Run directly: `node tests/e2e/server.mjs [dir=dist] [port=0]` prints the URL it listens on.

import { createServer } from 'node:http';
import { createGzip } from 'node:zlib';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Types a real host compresses (`make perf` measures what a visitor downloads). */
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|manifest\+json|xml)|image\/svg)/;

/**
 * Serves `root` on 127.0.0.1. `port` 0 (the default) picks a free port. With `gzip`, answers
 * compressed to clients that accept it, as any real host does.
 * Resolves to `{ url, port, deploy(root), close() }`; `url` has no trailing slash. `deploy`
 * serves another folder from then on, at the same address (a new deployment of the app).
 */
export async function startServer({ root = 'dist', port = 0, log = false, gzip = false } = {}) {
  let base = resolve(root);
  const server = createServer(async (req, res) => {
    const done = (status, headers = {}, body = '') => {
      res.writeHead(status, headers);
      res.end(body);
      if (log) console.log(`${status} ${req.method} ${req.url}`);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return done(405, { allow: 'GET, HEAD' }, 'Method Not Allowed\n');
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return done(400, {}, 'Bad Request\n');
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = resolve(join(base, pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      return done(404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not Found\n');
    }
    let info;
    try {
      info = await stat(file);
    } catch {
      info = null;
    }
    if (!info || !info.isFile()) {
      return done(404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not Found\n');
    }
    const type = MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      res.writeHead(200, {
        'content-type': type,
        'content-encoding': 'gzip',
        vary: 'accept-encoding',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      if (log) console.log(`200 ${req.method} ${req.url} (gzip)`);
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(createGzip({ level: 9 })).pipe(res);
      return;
    }
    res.writeHead(200, {
      'content-type': type,
      'content-length': info.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (log) console.log(`200 ${req.method} ${req.url}`);
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    deploy: (next) => {
      base = resolve(next);
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '0'] = process.argv.slice(2);
  const { url } = await startServer({ root, port: Number(port), log: true });
  console.log(`Serving ${resolve(root)} on ${url}/ (Ctrl-C to stop)`);
}
