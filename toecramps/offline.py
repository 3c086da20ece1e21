"""Pack the built site as one zip that readers can download, unzip and open from disk.

The zip is published at download/toe-cramps-site.zip with a SHA-256 checksum file beside
it. It unpacks to one folder, toe-cramps-site/, with index.html at its top, and leaves out
what an offline reader never needs. Entries carry the content date as their timestamp and
are written in a fixed order, so the same content always gives the same checksum.

The Download page marks text with HTML comments: what sits between
<!-- online-only --> and <!-- /online-only --> is replaced, inside the zip, by a note
that this is the offline copy (the first such part; later ones are dropped); <!-- zip-size --> and <!-- zip-sha256 --> are filled in
on the published page.
"""

from __future__ import annotations

import datetime
import hashlib
import pathlib
import re
import zipfile

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

DOWNLOAD_DIR = "download"
ZIP_NAME = "toe-cramps-site.zip"
TOP_FOLDER = "toe-cramps-site"
DOWNLOAD_PAGE = "download.html"
DOWNLOAD_SOURCE = "docs/download.md"
# Not needed offline: the download itself, search-engine sitemaps, and lunr's extra
# languages (the site searches in English, which lunr has built in).
LEFT_OUT = ("download/", "sitemap.xml", "sitemap.xml.gz", "assets/javascripts/lunr/")
ONLINE_ONLY = re.compile(r"<!-- online-only -->.*?<!-- /online-only -->", re.S)

_content_dates: list[datetime.date] = []


def on_config(config):
    _content_dates.clear()
    return config


def on_page_context(context, page, config, nav):
    # front_matter.py has already turned last_reviewed into a date.
    if isinstance(page.meta.get("last_reviewed"), datetime.date):
        _content_dates.append(page.meta["last_reviewed"])
    return context


def content_date() -> datetime.date:
    return max(_content_dates)


def offline_copy_note(date: datetime.date) -> str:
    return (
        '<p class="offline-copy-note"><strong>You are reading the offline copy.</strong> '
        f"Its content is from {date.day} {date:%B %Y}. To get a newer copy, visit the "
        "website while you are online.</p>"
    )


# After the offline plugin writes search_index.js (-100) and redirects write their pages,
# before security_headers.py (-200), whose files and meta tags the zip must not hold.
@event_priority(-150)
def on_post_build(config):
    site = pathlib.Path(config.site_dir)
    if not (site / DOWNLOAD_PAGE).is_file():
        raise PluginError(f"hooks/offline_download.py: {DOWNLOAD_PAGE} was not built")
    date = content_date()
    timestamp = (date.year, date.month, date.day, 0, 0, 0)
    target = site / DOWNLOAD_DIR / ZIP_NAME
    target.parent.mkdir(exist_ok=True)
    page_path = site / DOWNLOAD_PAGE
    _fill(page_path, "zip-date", f"{date.day} {date:%B %Y}")

    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zip_file:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            relative = path.relative_to(site).as_posix()
            if relative.startswith(LEFT_OUT):
                continue
            data = path.read_bytes()
            if relative == DOWNLOAD_PAGE:
                page = data.decode("utf-8")
                # The first online-only part becomes the note; the others simply go.
                note = offline_copy_note(date)
                page = ONLINE_ONLY.sub(lambda _: note, page, count=1)
                page = ONLINE_ONLY.sub("", page)
                if note not in page:
                    raise PluginError(f"{DOWNLOAD_SOURCE}: no <!-- online-only --> section")
                data = page.encode("utf-8")
            entry = zipfile.ZipInfo(f"{TOP_FOLDER}/{relative}", date_time=timestamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            zip_file.writestr(entry, data)

    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    (target.parent / f"{ZIP_NAME}.sha256").write_text(f"{digest}  {ZIP_NAME}\n", encoding="utf-8")

    _fill(page_path, "zip-size", f"{target.stat().st_size / 1_000_000:.1f} MB")
    _fill(page_path, "zip-sha256", digest)
    _fill(page_path, "online-only", "")
    _fill(page_path, "/online-only", "")


def _fill(page_path: pathlib.Path, marker: str, value: str) -> None:
    page = page_path.read_text(encoding="utf-8")
    if f"<!-- {marker} -->" not in page:
        raise PluginError(f"{DOWNLOAD_SOURCE}: the <!-- {marker} --> marker is missing")
    page_path.write_text(page.replace(f"<!-- {marker} -->", value), encoding="utf-8")
