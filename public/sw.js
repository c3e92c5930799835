// Repère's service worker: keeps the app usable offline once it has loaded once.
// - On install, caches index.html and every same-origin file it references (the hashed wasm,
//   JS glue, CSS, icons), so the next visit works without a network.
// - Pages (navigations) are fetched from the network first, falling back to the cache;
//   hashed assets come from the cache first. Only the app's own origin is ever touched.
// - A new build has new file names: old caches are deleted when the new worker activates.
const CACHE = 'repere-v1';

// Every file index.html names: in href/src attributes and, for the wasm the loader script
// fetches itself (it is not preloaded, so that it loads after the first paint), in quoted paths.
function referencedFiles(html) {
  const files = new Set();
  for (const m of html.matchAll(/(?:href|src)="([^"#?]+)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/['"](\/?[\w./-]+\.(?:wasm|js|css))['"]/g)) files.add(m[1]);
  return files;
}

async function precache() {
  const cache = await caches.open(CACHE);
  const response = await fetch('./', { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put('./', response);
  const urls = new Set();
  for (const path of referencedFiles(html)) {
    const url = new URL(path, self.registration.scope);
    if (url.origin === self.location.origin) urls.add(url.href);
  }
  await Promise.all(
    [...urls].map((u) =>
      fetch(u).then((r) => (r.ok ? cache.put(u, r) : undefined)).catch(() => undefined),
    ),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Keep only the entries of the current index.html (plus the shell itself).
      const cache = await caches.open(CACHE);
      const keep = new Set();
      const shell = await cache.match('./');
      if (shell) {
        const html = await shell.text();
        keep.add(new URL('./', self.registration.scope).href);
        for (const path of referencedFiles(html)) {
          keep.add(new URL(path, self.registration.scope).href);
        }
        for (const request of await cache.keys()) {
          if (!keep.has(request.url)) await cache.delete(request);
        }
      }
      for (const name of await caches.keys()) {
        if (name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        try {
          const fresh = await fetch(request);
          if (fresh.ok) await cache.put('./', fresh.clone());
          return fresh;
        } catch {
          return (await cache.match('./')) ?? Response.error();
        }
      })(),
    );
    return;
  }
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      const fresh = await fetch(request);
      if (fresh.ok) await cache.put(request, fresh.clone());
      return fresh;
    })(),
  );
});
