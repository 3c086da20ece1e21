"""The offline download: the zip published with the site, unpacked into a temporary
folder and read from disk (file://) and from a local server, with the network blocked."""

from __future__ import annotations

import hashlib
import zipfile

import pytest

from conftest import PAGES, build_site, copy_project, readable_tmpdir, serve
from test_browser import assert_clean, search
from test_links import run_linkchecker

ZIP = "download/toe-cramps-site.zip"
MAX_ZIP_BYTES = 1_500_000
# A query, and the pages that answer it.
SEARCHES = [("dehydration", ("causes.html",)),
            ("quinine", ("treatment.html", "questions.html", "home-remedies.html"))]


@pytest.fixture(scope="module")
def zip_path(site_dir):
    return site_dir / ZIP


@pytest.fixture(scope="module")
def unpacked(zip_path):
    with readable_tmpdir() as folder:
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(folder)
        yield folder / "toe-cramps-site"


def test_zip_unpacks_to_one_folder_with_index_html(zip_path):
    names = zipfile.ZipFile(zip_path).namelist()
    assert {name.split("/")[0] for name in names} == {"toe-cramps-site"}, "more than one top folder"
    assert "toe-cramps-site/index.html" in names
    for page in PAGES:
        assert f"toe-cramps-site/{page.replace('.md', '.html')}" in names, f"{page} missing"


def test_zip_holds_nothing_a_reader_does_not_need(zip_path):
    names = zipfile.ZipFile(zip_path).namelist()
    unwanted = [n for n in names if n.endswith((".map", ".zip", "sitemap.xml", ".gz"))
                or "/download/" in n or "/lunr/" in n or "/_headers" in n or "/_nginx/" in n]
    assert not unwanted, f"files a reader does not need: {unwanted}"


def test_zip_size_is_within_budget(zip_path):
    size = zip_path.stat().st_size
    assert size <= MAX_ZIP_BYTES, f"zip is {size:,} bytes; budget {MAX_ZIP_BYTES:,}"


def test_checksum_file_matches_the_zip(zip_path):
    line = (zip_path.parent / "toe-cramps-site.zip.sha256").read_text().split()
    assert line == [hashlib.sha256(zip_path.read_bytes()).hexdigest(), "toe-cramps-site.zip"]


def test_download_page_states_size_date_and_checksum(site_dir, zip_path):
    page = (site_dir / "download.html").read_text(encoding="utf-8")
    assert hashlib.sha256(zip_path.read_bytes()).hexdigest() in page
    assert f"{zip_path.stat().st_size / 1_000_000:.1f} MB" in page
    assert 'href="download/toe-cramps-site.zip"' in page
    date = zipfile.ZipFile(zip_path).infolist()[0].date_time
    assert f"content in the file is from {date[2]} " in page, "the content date is missing"
    assert "<!--" not in page.split('class="md-content"')[1].split("</article>")[0], (
        "an unfilled marker comment is left on the download page"
    )


def test_zip_is_the_same_for_the_same_content(tmp_path, zip_path):
    project = copy_project(tmp_path / "project")
    result = build_site(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    again = (project / "site" / ZIP).read_bytes()
    assert hashlib.sha256(again).hexdigest() == hashlib.sha256(zip_path.read_bytes()).hexdigest()


def test_download_is_linked_from_home_and_footer(soups):
    assert soups["index.md"].select_one("article a[href='download.html']"), "home page link"
    assert soups["causes.md"].select_one("footer a[href='download.html']"), "footer link"


def test_offline_copy_says_it_is_the_offline_copy(unpacked):
    page = (unpacked / "download.html").read_text(encoding="utf-8")
    assert "You are reading the offline copy" in page
    assert 'href="download/' not in page, "the offline copy links to a download it lacks"


def test_unpacked_zip_has_no_broken_links_or_anchors(unpacked):
    result = run_linkchecker(unpacked / "index.html")
    assert result.returncode == 0, result.stdout


def visit_every_page(page, base_url):
    for name in PAGES:
        page.goto(base_url + name.replace(".md", ".html"))
        assert page.locator("h1").count() == 1, name
        broken = page.evaluate(
            "[...document.images].filter(i => !(i.complete && i.naturalWidth)).map(i => i.src)"
        )
        assert not broken, f"{name}: images that did not load: {broken}"


def search_and_open(page, base_url, query, expected):
    page.goto(base_url + "index.html")
    results = search(page, query)
    first = results.first.locator("a").first
    href = first.get_attribute("href")
    target = next((name for name in expected if name in href), None)
    assert target, f"{query!r}: first result {href} is not one of {expected}"
    first.click()
    page.wait_for_url(f"**/{target}*")
    assert page.locator("h1").count() == 1


def test_from_disk_every_page_opens_and_nothing_leaves_file(watched_page, unpacked):
    base = unpacked.as_uri() + "/"
    visit_every_page(watched_page, base)
    assert_clean(watched_page)
    outside_file = [u for u in watched_page.watch.requests if not u.startswith(("file:", "data:"))]
    assert not outside_file, f"requests outside file://: {outside_file}"


@pytest.mark.parametrize("query,expected", SEARCHES)
def test_from_disk_search_finds_and_opens_the_right_page(watched_page, unpacked, query, expected):
    search_and_open(watched_page, unpacked.as_uri() + "/", query, expected)
    assert_clean(watched_page)
    outside_file = [u for u in watched_page.watch.requests if not u.startswith(("file:", "data:"))]
    assert not outside_file, f"requests outside file://: {outside_file}"


def test_served_over_http_every_page_opens_and_search_works(watched_page, unpacked):
    with serve(unpacked) as url:
        visit_every_page(watched_page, url)
        for query, expected in SEARCHES:
            search_and_open(watched_page, url, query, expected)
    assert_clean(watched_page)
