"""The guide as a web app a phone can install and keep: the manifest, its icons, and the
service worker's list of files (toecramps/serviceworker.py). Installability, offline
reading, saving and updates in Chromium: tests/browser/test_offline_phone.py."""

from __future__ import annotations

import hashlib
import json
import re
import struct
import zipfile

from support.project import DOCS
from support.service_worker import build_list

PRIMARY = re.compile(r"--md-primary-fg-color:\s*(#[0-9a-fA-F]{6})")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    return struct.unpack(">II", data[16:24])


def test_manifest_says_what_a_phone_needs(site_dir):
    manifest = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    for field in ("name", "short_name", "start_url", "display", "theme_color", "background_color"):
        assert manifest.get(field), f"manifest.webmanifest: no {field}"
    assert manifest["display"] == "standalone"
    assert (site_dir / manifest["start_url"]).is_file(), manifest["start_url"]
    palette = PRIMARY.findall((DOCS / "assets/stylesheets/site.css").read_text(encoding="utf-8"))
    assert palette and manifest["theme_color"] == palette[0], (manifest["theme_color"], palette)
    sizes = set()
    for icon in manifest["icons"]:
        width, height = png_size((site_dir / icon["src"]).read_bytes())
        assert icon["sizes"] == f"{width}x{height}" and icon["type"] == "image/png", icon
        sizes.add((icon["sizes"], icon.get("purpose", "any")))
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes, sizes


def test_every_page_links_the_manifest_and_theme_colour(site_soups):
    manifest = json.loads((DOCS / "manifest.webmanifest").read_text(encoding="utf-8"))
    problems = []
    for name, soup in site_soups.items():
        if name == "404.html" or soup.find("meta", attrs={"http-equiv": "refresh"}):
            continue
        link = soup.find("link", rel="manifest")
        top = "../" * name.count("/")  # pages in folders (handouts/) link it relatively
        if not link or link["href"] != top + "manifest.webmanifest":
            problems.append(f"{name}: no <link rel=manifest href=manifest.webmanifest>")
        colour = soup.find("meta", attrs={"name": "theme-color"})
        if not colour or colour["content"] != manifest["theme_color"]:
            problems.append(f"{name}: theme-color is not {manifest['theme_color']}")
    assert not problems, "\n".join(problems)


def test_service_worker_lists_every_file_with_its_content_hash(site_dir):
    listing = build_list(site_dir)
    wrong = [path for path, (revision, size) in listing["files"].items()
             if hashlib.sha256((site_dir / path).read_bytes()).hexdigest()[:16] != revision
             or (site_dir / path).stat().st_size != size]
    assert not wrong, f"revisions or sizes that do not match the built files: {wrong}"
    pages = {p.relative_to(site_dir).as_posix() for p in site_dir.glob("*.html")} - {"404.html"}
    illustrations = {p.relative_to(site_dir).as_posix() for p in site_dir.glob("assets/illustrations/*.svg")}
    needed = pages | illustrations | {"search/search_index.json", "assets/javascripts/search-worker.js"}
    assert needed <= set(listing["files"]), sorted(needed - set(listing["files"]))
    not_saved = {"sw.js", "download/toe-cramps-site.zip", "sitemap.xml", "_headers"}
    assert not not_saved & set(listing["files"])
    assert listing["size"] == sum(size for _, size in listing["files"].values())
    assert "offline.html" in listing["core"] and set(listing["core"]) <= set(listing["files"])


def test_every_visitor_keeps_what_any_page_needs_to_open_offline(site_dir, site_soups):
    """The core (kept on the first visit, with the offline page): every script and
    stylesheet a page loads, whether from a tag or started later from an inert tag."""
    core = set(build_list(site_dir)["core"])
    soup = site_soups["index.html"]
    loaded = {tag.get("src") or tag.get("data-src") for tag in soup.select("script[src], script[data-src]")}
    loaded |= {link["href"] for link in soup.select("link[rel=stylesheet]")}
    assert loaded and loaded <= core, sorted(loaded - core)


def test_the_zip_has_a_worker_that_keeps_nothing_and_the_site_one_always_checked(site_dir):
    """From file:// no worker runs; a zip copy put on a web server gets one that keeps
    nothing and removes itself (offline.STAND_IN_WORKER), not the site's."""
    with zipfile.ZipFile(site_dir / "download/toe-cramps-site.zip") as archive:
        stand_in = archive.read("toe-cramps-site/sw.js").decode("utf-8")
    assert "unregister()" in stand_in and "fetch" not in stand_in and "caches" not in stand_in
    headers = (site_dir / "_headers").read_text(encoding="utf-8")
    assert "/sw.js\n  Cache-Control: no-cache" in headers
    assert "worker-src 'self'" in headers and "manifest-src 'self'" in headers
