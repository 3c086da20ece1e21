"""Pack the built site as one zip that readers can download, unzip and open from disk.

The zip is published at download/toe-cramps-site.zip with a SHA-256 checksum file beside
it. It unpacks to one folder, toe-cramps-site/, with index.html at its top, and leaves out
what an offline reader never needs. Entries carry the content date (the newest "last
reviewed" date on any page) as their timestamp and are written in a fixed order, so the
same content always gives the same checksum.

The Download page marks its text with HTML comments:
- between <!-- online-only --> and <!-- /online-only -->: only on the published page;
- between <!-- offline-only --> and <!-- /offline-only -->: only in the zip's copy;
- <!-- zip-date -->, <!-- zip-size -->, <!-- zip-sha256 -->: filled in.
"""

from __future__ import annotations

import datetime
import hashlib
import pathlib
import re
import zipfile

from toecramps.extensions import first_screen

DOWNLOAD_DIR = "download"
ZIP_NAME = "toe-cramps-site.zip"
TOP_FOLDER = "toe-cramps-site"
DOWNLOAD_PAGE = "download.html"
DOWNLOAD_SOURCE = "docs/download.md"
# Not needed offline: the download itself, search-engine sitemaps, lunr's extra
# languages (the site searches in English, which lunr has built in), and server files.
LEFT_OUT = ("download/", "sitemap.xml", "sitemap.xml.gz", "assets/javascripts/lunr/",
            "_headers", "_nginx/", "_postbuild-started")  # the last: see postbuild.py
# The zip's own sw.js. No browser runs a service worker from file://, and sw-register.js
# does not try; but a copy unzipped onto a web server would register one, and the site's
# sw.js (filled in after the zip is made, with the published Download page's hash) does
# not fit the zip. This one keeps nothing and removes itself: the copy works as before.
SERVICE_WORKER = "sw.js"
STAND_IN_WORKER = b"""// The offline copy keeps no service worker: this one removes itself.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", () => self.registration.unregister());
"""
FIRST_SCREEN_MARK = f'<template id="{first_screen.MARK_ID}"></template>'
REVIEW_DATE = re.compile(r'<aside class="page-review".*?<time datetime="(\d{4}-\d\d-\d\d)"', re.S)


class DownloadPageError(Exception):
    """The Download page lacks a marker the zip step fills in."""


def only(kind: str) -> re.Pattern:
    return re.compile(rf"<!-- {kind}-only -->(.*?)<!-- /{kind}-only -->", re.S)


def content_date(site: pathlib.Path) -> datetime.date:
    """The newest "last reviewed" date shown on any page."""
    dates = [datetime.date.fromisoformat(match)
             for page in site.rglob("*.html")
             for match in REVIEW_DATE.findall(page.read_text(encoding="utf-8"))]
    if not dates:
        raise DownloadPageError("no page shows a review date, so the zip has no content date")
    return max(dates)


def long_date(date: datetime.date) -> str:
    return f"{date.day} {date:%B %Y}"


def edition(page: str, keep: str, drop: str) -> str:
    """The Download page with one kind of part kept (its markers removed) and the other
    kind dropped. The mark the first paint waits for stays, wherever the page's first
    blocks ended: without it, the paint would wait for the whole page."""
    if not only(keep).search(page):
        raise DownloadPageError(f"{DOWNLOAD_SOURCE}: no <!-- {keep}-only --> part")
    page = only(drop).sub(lambda part: FIRST_SCREEN_MARK if FIRST_SCREEN_MARK in part[0] else "", page)
    return only(keep).sub(lambda match: match[1], page)


def fill(page: str, marker: str, value: str) -> str:
    if f"<!-- {marker} -->" not in page:
        raise DownloadPageError(f"{DOWNLOAD_SOURCE}: the <!-- {marker} --> marker is missing")
    return page.replace(f"<!-- {marker} -->", value)


def write_zip(site: pathlib.Path) -> pathlib.Path:
    """Write the zip and its checksum; fill in the Download page. Returns the zip's path."""
    page_path = site / DOWNLOAD_PAGE
    if not page_path.is_file():
        raise DownloadPageError(f"{DOWNLOAD_PAGE} was not built")
    date = content_date(site)
    timestamp = (date.year, date.month, date.day, 0, 0, 0)
    page = fill(page_path.read_text(encoding="utf-8"), "zip-date", long_date(date))
    offline_page = edition(page, keep="offline", drop="online")

    target = site / DOWNLOAD_DIR / ZIP_NAME
    target.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            relative = path.relative_to(site).as_posix()
            if relative.startswith(LEFT_OUT):
                continue
            data = (offline_page.encode("utf-8") if relative == DOWNLOAD_PAGE
                    else STAND_IN_WORKER if relative == SERVICE_WORKER else path.read_bytes())
            entry = zipfile.ZipInfo(f"{TOP_FOLDER}/{relative}", date_time=timestamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data, compresslevel=9)

    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    (target.parent / f"{ZIP_NAME}.sha256").write_text(f"{digest}  {ZIP_NAME}\n", encoding="utf-8")
    page = fill(page, "zip-size", f"{target.stat().st_size / 1_000_000:.1f} MB")
    page = fill(page, "zip-sha256", digest)
    page_path.write_text(edition(page, keep="online", drop="offline"), encoding="utf-8")
    return target
