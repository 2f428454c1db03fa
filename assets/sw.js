// Klava's service worker: it precaches the built app so that a second visit loads and works with the
// network off. `cargo xtask precache` (a trunk post_build hook) writes this file into every build with the
// list of trunk's output files and a version hashed from their contents; nothing here is edited by hand
// per build. A new deploy changes this file, the browser installs the new worker, and it waits until the
// learner accepts "new version — reload" (a test in progress is never cut short).
//
// Download once: the precache is filled through the HTTP cache. Content-hashed files are served
// `immutable`, so what the page has just downloaded (the wasm, the JS, the CSS) is taken from there with no
// request; the rest is revalidated (a 304 when unchanged). Files only some learners need (the second typing
// font, later texts and layouts) are not precached: they are kept here the first time they are fetched.
const VERSION = "__KLAVA_VERSION__";
const PRECACHE = __KLAVA_PRECACHE__;
const CACHE = "klava-" + VERSION;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("klava-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  // The sync API and other sites always go to the network.
  if (request.method !== "GET" || url.origin !== scope.origin || url.pathname.startsWith(scope.pathname + "api/")) {
    return;
  }
  // Every page path is the app: answer navigations with the cached index.html.
  const key = request.mode === "navigate" ? new URL("./index.html", scope).href : request;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key).then((hit) => hit || fetch(request).then((response) => keep(cache, request, response))),
    ),
  );
});

// A file fetched for the first time (one not precached) is kept for offline use; partial and failed
// answers are not.
function keep(cache, request, response) {
  if (response.ok && response.status === 200 && request.mode !== "navigate") {
    cache.put(request, response.clone()).catch(() => {});
  }
  return response;
}
