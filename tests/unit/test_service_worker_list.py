"""toecramps/serviceworker.py: the list of files a phone can save, with content hashes."""

from __future__ import annotations

import json
import re

import pytest

from toecramps import serviceworker

WORKER = "const BUILD = /* build */ null;\nself.addEventListener('fetch', () => {});\n"
OFFLINE_PAGE = ('<link rel="stylesheet" href="assets/site.css"><script src="assets/app.js"></script>'
                '<meta property="og:title" content="You are offline">'
                '<aside class="page-review"><time datetime="2026-01-02">2 January 2026</time></aside>')


def small_site(folder):
    files = {
        "sw.js": WORKER, "offline.html": OFFLINE_PAGE, "index.html": OFFLINE_PAGE,
        "assets/site.css": "body {}", "assets/app.js": "1", "assets/javascripts/saved-copy.js": "2",
        "search/search_index.json": "{}", "search/search_index.js": "var __index = {}",
        "download/toe-cramps-site.zip": "zip", "sitemap.xml": "<urlset/>", "_headers": "/*",
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def written(site) -> dict:
    return json.loads(re.search(r"const BUILD = (\{.*?\});", (site / "sw.js").read_text())[1])


@pytest.mark.parametrize(("path", "left_out"), [
    ("search/search_index.js", True), ("search/search_index.json", False), ("sw.js", True),
    ("download/toe-cramps-site.zip", True), ("download.html", False), ("_headers", True),
    ("assets/javascripts/lunr/min/lunr.fr.min.js", True), ("404.html", True),
])
def test_what_is_never_saved(path, left_out):
    assert serviceworker.is_left_out(path) is left_out


def test_the_list_names_each_file_with_its_hash_the_core_and_the_titles(tmp_path):
    site = small_site(tmp_path)
    serviceworker.write(site)
    data = written(site)
    assert sorted(data["files"]) == ["assets/app.js", "assets/javascripts/saved-copy.js",
                                     "assets/site.css", "index.html", "offline.html",
                                     "search/search_index.json"]
    assert data["files"]["assets/site.css"][1] == len("body {}")
    assert data["core"] == ["assets/app.js", "assets/javascripts/saved-copy.js", "assets/site.css",
                            "offline.html"]
    assert data["titles"]["index.html"] == "You are offline"
    assert (data["date"], data["dateText"]) == ("2026-01-02", "2 January 2026")
    assert "/* build */" not in (site / "sw.js").read_text()


def test_a_changed_file_changes_its_revision_and_the_version_only(tmp_path):
    before = written_for(small_site(tmp_path / "a"))
    after_site = small_site(tmp_path / "b")
    (after_site / "assets/site.css").write_text("body { color: red }", encoding="utf-8")
    after = written_for(after_site)
    changed = [path for path in after["files"] if after["files"][path] != before["files"][path]]
    assert changed == ["assets/site.css"]
    assert after["version"] != before["version"]


def written_for(site):
    serviceworker.write(site)
    return written(site)


def test_a_worker_without_its_marker_is_named(tmp_path):
    site = small_site(tmp_path)
    (site / "sw.js").write_text("const BUILD = {};\n", encoding="utf-8")
    with pytest.raises(serviceworker.ServiceWorkerError, match="marker"):
        serviceworker.write(site)
