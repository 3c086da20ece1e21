// The Toe Cramps Guide's service worker: keeps the guide readable with no signal.
//
// - Every page a reader opens (and what it needs) is kept, so it opens again offline.
// - "Save this guide to read offline" (the Download page, saved-copy.js) keeps every file.
// - Offline, a page that was never kept shows the offline page instead of an error.
// - Each build lists its files with a content hash (revision). A new build's worker copies
//   what did not change from the old cache, downloads only what did, then deletes the old
//   cache. Pages open from the cache; the reader is told when a newer version is ready.
//
// It only ever fetches files of this site, from this site. It is registered by
// sw-register.js over http(s) only, never from the offline zip (file://), whose sw.js
// is a stand-in. toecramps/serviceworker.py fills in BUILD at build time.
//
// Why not Workbox: its parts we would use (core, precaching, routing, strategies) are
// about 20 KB minified in 5.x and 7.x, to be pinned and copied from npm (a Node toolchain
// this Python build does not have), and its precaching saves everything at install, all
// or nothing. We need saving on request with progress, a failure reason and removal,
// pages kept as they are read, and the list of files from our Python build anyway; what
// Workbox would add (copying unchanged files by revision, cache first, an offline page)
// is about 100 lines here, and everything stays under the site's CSP ('self' only).
"use strict";

// { version, date, dateText, size, files: { path: [revision, bytes] }, core: [path], titles: { path: title } }
const BUILD = /* build */ null;

const SCOPE = self.registration.scope; // the site's top folder, ending in "/"
const PREFIX = "toe-cramps-guide " + SCOPE + " "; // our caches, for this copy of the site
const CACHE = PREFIX + BUILD.version;
const MANIFEST_KEY = SCOPE + "_sw/build.json"; // this cache's BUILD, for the next version
const SAVED_KEY = SCOPE + "_sw/saved.json"; // there once the reader saved the whole guide
const OFFLINE_PAGE = "offline.html";
const AT_ONCE = 4; // downloads in parallel

/** A file's path in BUILD.files for a URL of this site, or null. */
function pathOf(url) {
  const address = new URL(url);
  let path = address.origin + address.pathname;
  if (!path.startsWith(SCOPE)) return null;
  path = decodeURIComponent(path.slice(SCOPE.length));
  if (path === "" || path.endsWith("/")) path += "index.html";
  return Object.prototype.hasOwnProperty.call(BUILD.files, path) ? path : null;
}

function json(value) {
  return new Response(JSON.stringify(value), { headers: { "Content-Type": "application/json" } });
}

/** A fresh copy from the site (checked with the server, never a stale HTTP cache copy). */
async function download(path) {
  const response = await fetch(SCOPE + path, { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) {
    const error = new Error(path + ": the website answered " + response.status);
    error.name = "HttpError";
    throw error;
  }
  return response;
}

async function inParallel(items, work) {
  const queue = items.slice();
  const workers = Array.from({ length: Math.min(AT_ONCE, queue.length) }, async () => {
    while (queue.length) await work(queue.shift());
  });
  await Promise.all(workers);
}

/** The newest other complete cache of ours (a previous version), or null. */
async function previousCache() {
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  for (const name of names.reverse()) {
    const cache = await caches.open(name);
    const build = await cache.match(MANIFEST_KEY);
    if (build) return { cache, files: (await build.json()).files, saved: await cache.match(SAVED_KEY) };
  }
  return null;
}

// Install: the core files, the pages open now, and everything the previous version kept.
// Unchanged files are copied from the previous cache; only changed ones are downloaded.
self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const wanted = new Set(BUILD.core);
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    windows.map((client) => pathOf(client.url)).filter(Boolean).forEach((path) => wanted.add(path));
    const previous = await previousCache();
    if (previous) {
      for (const request of await previous.cache.keys()) {
        const path = pathOf(request.url);
        if (path) wanted.add(path);
      }
      if (previous.saved) Object.keys(BUILD.files).forEach((path) => wanted.add(path));
    }
    await inParallel([...wanted], async (path) => {
      if (await cache.match(SCOPE + path)) return; // an earlier, unfinished install of this version
      const old = previous && previous.files[path];
      if (old && old[0] === BUILD.files[path][0]) {
        const copy = await previous.cache.match(SCOPE + path);
        if (copy) return cache.put(SCOPE + path, copy);
      }
      await cache.put(SCOPE + path, await download(path));
    });
    if (previous && previous.saved) await cache.put(SAVED_KEY, json(savedRecord()));
    await cache.put(MANIFEST_KEY, json(BUILD)); // last: marks this cache complete
    await self.skipWaiting(); // take over now; open pages say a newer version is ready
  })());
});

// Activate: delete every older cache of ours, and look after the open pages at once.
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const path = pathOf(request.url);
  if (path) {
    event.respondWith(fromCacheOrSite(event, path));
  } else if (request.mode === "navigate" && request.url.startsWith(SCOPE)) {
    event.respondWith(fetch(request).catch(() => offlinePage(request.url)));
  }
});

async function offlinePage(url) {
  // Shown at a page's own address, the offline page's relative links (styles, scripts,
  // pages) would be read from that page's folder: a page in a folder (handouts/) sends
  // the reader to the offline page's own address instead.
  if (url && url.slice(SCOPE.length).includes("/")) {
    return Response.redirect(SCOPE + OFFLINE_PAGE, 302);
  }
  return (await caches.match(SCOPE + OFFLINE_PAGE, { cacheName: CACHE })) || Response.error();
}

// Offline, in a guide never saved, the search index was never fetched: Material would say
// "Initializing search" for ever. It gets an index that our search worker answers with
// one result, saying why, and leading to the offline page (the warning signs, the pages
// kept on this device).
const SEARCH_INDEX = "search/search_index.json";
function searchUnavailable() {
  return json({
    config: { lang: ["en"], separator: "[\\s\\-]+", pipeline: [], fields: {}, unavailable: true },
    docs: [{
      location: OFFLINE_PAGE,
      title: "Search needs a connection",
      text: "There is no internet connection, and this guide is not saved on this device, so " +
        "search cannot work now. Open this page for the warning signs and the pages you can " +
        "read offline.",
    }],
  });
}

async function fromCacheOrSite(event, path) {
  const cached = await caches.match(SCOPE + path, { cacheName: CACHE });
  if (cached) return cached;
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    if (path === SEARCH_INDEX) return searchUnavailable();
    return event.request.mode === "navigate" ? offlinePage(event.request.url) : Response.error();
  }
  // Keep it for next time, unless the reader removed the saved copy (no cache then).
  if (response.ok && response.type === "basic" && !response.redirected) {
    const copy = response.clone();
    event.waitUntil(caches.has(CACHE).then((kept) => kept && caches.open(CACHE)
      .then((cache) => cache.put(SCOPE + path, copy))).catch(() => {}));
  }
  return response;
}

function savedRecord() {
  return { version: BUILD.version, date: BUILD.date, dateText: BUILD.dateText,
    size: BUILD.size, files: Object.keys(BUILD.files).length };
}

/** What is kept now: for the Download page's status and the offline page's list. */
async function status() {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(SAVED_KEY);
  const pages = [];
  for (const request of await cache.keys()) {
    const path = pathOf(request.url);
    if (path && BUILD.titles[path] && path !== OFFLINE_PAGE) pages.push({ path, title: BUILD.titles[path] });
  }
  pages.sort((a, b) => a.title.localeCompare(b.title));
  return { state: saved ? "saved" : "not-saved", saved: saved ? await saved.json() : null,
    dateText: BUILD.dateText, size: BUILD.size, pages };
}

function reason(error) {
  if (error && error.name === "QuotaExceededError") {
    return "There is not enough free space on this device.";
  }
  if (error && error.name === "HttpError") {
    return "The website may have just been updated (" + error.message + "). Reload this page and try again.";
  }
  return "The connection was lost. Try again when you have a signal.";
}

/** Save every file of this build, telling the page how far it got. */
async function save(port) {
  port.postMessage({ state: "saving" }); // at once: the page knows the worker is at work
  const cache = await caches.open(CACHE);
  const paths = Object.keys(BUILD.files);
  const progress = { state: "saving", done: 0, total: paths.length, bytes: 0, size: BUILD.size };
  const missing = [];
  for (const path of paths) {
    if (await cache.match(SCOPE + path)) {
      progress.done += 1;
      progress.bytes += BUILD.files[path][1];
    } else {
      missing.push(path);
    }
  }
  port.postMessage(progress);
  try {
    await inParallel(missing, async (path) => {
      await cache.put(SCOPE + path, await download(path));
      progress.done += 1;
      progress.bytes += BUILD.files[path][1];
      port.postMessage(progress);
    });
    await cache.put(SAVED_KEY, json(savedRecord()));
    port.postMessage(await status());
  } catch (error) {
    port.postMessage({ state: "failed", reason: reason(error), done: progress.done, total: progress.total });
  }
}

// Whatever goes wrong (storage the browser will not open, say), the page is told: its
// controls would otherwise wait for ever.
self.addEventListener("message", (event) => {
  const port = event.ports[0];
  if (!port) return;
  if (event.data === "save") {
    event.waitUntil(save(port).catch(() => port.postMessage(
      { state: "failed", reason: "This browser could not store the guide.", done: 0, total: 0 })));
  }
  if (event.data === "status") {
    event.waitUntil(status().catch(() => ({ state: "unknown" })).then((value) => port.postMessage(value)));
  }
});
