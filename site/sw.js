/*
 * The portal's service worker. `portal-admin site build` fills in the version and the two
 * lists below; both list only files of the static site (manual, help, privacy, assets), so
 * nothing the handlers answer (logged-in pages with personal data) is ever put in the cache.
 *
 * - Pages and the search index: network first, so a rebuilt manual shows at once; the cached
 *   copy when offline.
 * - Fingerprinted assets never change: cache first.
 * - Any other page that cannot be reached (the dynamic ones while offline): the offline notice.
 */
'use strict';

const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const LAZY = __LAZY__;
const CACHE = 'portal-static-' + VERSION;
const OFFLINE = 'offline.html';

const scope = new URL(self.registration.scope);
const cacheable = new Set(PRECACHE.concat(LAZY).map((path) => new URL(path, scope).pathname));
const fingerprinted = /\.[0-9a-f]{8}\.(css|js|svg)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, scope).href)))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith('portal-static-') && key !== CACHE).map((key) => caches.delete(key))
      ))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;

  if (cacheable.has(url.pathname)) {
    event.respondWith(fingerprinted.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
  } else if (request.mode === 'navigate') {
    // A dynamic page: straight to the network, never cached; offline, the notice.
    event.respondWith(fetch(request).catch(() => offlineNotice()));
  }
});

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  return cached || fetchAndKeep(request);
}

async function networkFirst(request) {
  try {
    return await fetchAndKeep(request);
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    if (request.mode === 'navigate') return offlineNotice();
    throw error;
  }
}

async function fetchAndKeep(request) {
  const response = await fetch(request);
  const cacheControl = response.headers.get('Cache-Control') || '';
  if (response.ok && response.type === 'basic' && !cacheControl.includes('no-store')) {
    // One copy per page (lookups ignore the query): the search page's results, ?q=…, come
    // from portal-auth with no-store and are never kept in its place.
    const key = new URL(request.url);
    key.search = '';
    const cache = await caches.open(CACHE);
    await cache.put(key.href, response.clone());
  }
  return response;
}

async function offlineNotice() {
  const cached = await caches.match(new URL(OFFLINE, scope).href);
  // Only if the notice itself is missing from the cache (it is precached at install).
  return cached || new Response('Sei offline: il portale non è raggiungibile.', {
    status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
