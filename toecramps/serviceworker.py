"""The service worker's list of files: what a reader can save on a phone, each with its
revision (a hash of its content), so that a new build replaces exactly what changed.

A post-build step (postbuild.py): after the offline zip, which fills in the Download page
(so its hash is the published page's), and before the security headers. It writes the
list into sw.js (docs/sw.js, copied to the site's top folder by the build) in place of
its `/* build */ null` marker. A changed list changes sw.js, and a changed sw.js is how
browsers notice a new version.

The offline zip has a stand-in sw.js that keeps nothing (offline.STAND_IN_WORKER): from
file:// no browser runs a service worker, and the zip's own Download page differs from
the published one.
"""

from __future__ import annotations

import hashlib
import html
import json
import pathlib
import re

from toecramps import offline

SERVICE_WORKER = "sw.js"
MARKER = "/* build */ null"
OFFLINE_PAGE = "offline.html"
# Loaded by sw-register.js, not by a tag, on the pages that need it (the offline page too).
SAVED_COPY_SCRIPT = "assets/javascripts/saved-copy.js"
# Never saved: what the zip leaves out, the worker itself, the search index's file://
# form (search_index.js; over http search reads search_index.json), and the 404 page
# (offline, the offline page answers instead).
NOT_SAVED = (*offline.LEFT_OUT, SERVICE_WORKER, "search/search_index.js", "404.html")
# What a page loads by itself: icons, the manifest, scripts (whether a tag loads them or
# the starter does, from an inert tag's data-src: see material.py), stylesheets on a
# page that still links any (the build writes them into the pages: inline_stylesheets),
# and the search worker its configuration names (so offline search can say why it cannot
# run, rather than never starting).
LOADED = re.compile(r'<link rel="(?:stylesheet|icon|manifest|apple-touch-icon)" href="([^"]+)"'
                    r'|<script\b[^>]*?\b(?:data-)?src="([^"]+)"'
                    r'|"search": "([^"]+)"')
TITLE = re.compile(r'<meta property="og:title" content="([^"]*)"')


class ServiceWorkerError(Exception):
    """sw.js or the offline page is missing, or sw.js lacks its marker."""


def is_left_out(relative: str) -> bool:
    """A folder's whole content ("download/"), or one file (search_index.js, not .json)."""
    return any(relative == item or (item.endswith("/") and relative.startswith(item))
               for item in NOT_SAVED)


def revision(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def saved_files(site: pathlib.Path) -> dict[str, list]:
    """Every file a reader can save: its path in the site, revision and size in bytes."""
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if not is_left_out(relative):
            data = path.read_bytes()
            files[relative] = [revision(data), len(data)]
    return files


def core_files(site: pathlib.Path, files: dict[str, list]) -> list[str]:
    """Kept for every visitor: the offline page and what it loads (the same scripts as
    every page), so any kept page, and the offline page, open offline."""
    page = (site / OFFLINE_PAGE).read_text(encoding="utf-8")
    loaded = {href or src or worker for href, src, worker in LOADED.findall(page)}
    core = {OFFLINE_PAGE, SAVED_COPY_SCRIPT} | {url for url in loaded if url in files}
    missing = sorted({OFFLINE_PAGE, SAVED_COPY_SCRIPT} - set(files))
    if missing:
        raise ServiceWorkerError(f"the site has no {', '.join(missing)}")
    return sorted(core)


def page_titles(site: pathlib.Path, files: dict[str, list]) -> dict[str, str]:
    """Each page's title, for the offline page's list of saved pages."""
    titles = {}
    for relative in files:
        if relative.endswith(".html"):
            found = TITLE.search((site / relative).read_text(encoding="utf-8"))
            if found:
                titles[relative] = html.unescape(found[1])
    return titles


def build_data(site: pathlib.Path) -> dict:
    files = saved_files(site)
    date = offline.content_date(site)
    return {
        "version": revision(json.dumps(files, sort_keys=True).encode()),
        "date": date.isoformat(),
        "dateText": offline.long_date(date),
        "size": sum(size for _, size in files.values()),
        "files": files,
        "core": core_files(site, files),
        "titles": page_titles(site, files),
    }


def write(site: pathlib.Path) -> dict:
    """Fill in sw.js; return what it was given."""
    worker = site / SERVICE_WORKER
    if not (site / OFFLINE_PAGE).is_file():
        raise ServiceWorkerError(f"{OFFLINE_PAGE} was not built (docs/offline.md)")
    if not worker.is_file():
        raise ServiceWorkerError(f"{SERVICE_WORKER} was not built (docs/{SERVICE_WORKER})")
    text = worker.read_text(encoding="utf-8")
    if text.count(MARKER) != 1:
        raise ServiceWorkerError(f"docs/{SERVICE_WORKER} must hold the marker {MARKER} once")
    data = build_data(site)
    worker.write_text(text.replace(MARKER, json.dumps(data, ensure_ascii=False, separators=(",", ":"))),
                      encoding="utf-8")
    return data
