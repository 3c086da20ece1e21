"""The offline download: the zip published with the site, what it holds, its checksum,
that the same content always gives the same zip, and that the unpacked copy has no
broken link. (Reading it in a browser from disk and from a server: tests/browser/.)"""

from __future__ import annotations

import hashlib
import zipfile

import pytest

from support.build import build
from support.links import check_site
from support.project import PAGES

ZIP = "download/toe-cramps-site.zip"
MAX_ZIP_BYTES = 1_500_000


@pytest.fixture(scope="module")
def zip_path(site_dir):
    return site_dir / ZIP


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


def test_zip_is_the_same_for_the_same_content(project, zip_path):
    result = build(project, project / "site")
    assert result.ok, result
    again = (project / "site" / ZIP).read_bytes()
    assert hashlib.sha256(again).hexdigest() == hashlib.sha256(zip_path.read_bytes()).hexdigest()


def test_download_is_linked_from_home_and_footer(soups):
    assert soups["index.md"].select_one("article a[href='download.html']"), "home page link"
    assert soups["causes.md"].select_one("footer a[href='download.html']"), "footer link"


def test_offline_copy_says_it_is_the_offline_copy(unpacked_zip):
    page = (unpacked_zip / "download.html").read_text(encoding="utf-8")
    assert "You are reading the offline copy" in page
    assert 'href="download/' not in page, "the offline copy links to a download it lacks"


def test_unpacked_zip_has_no_broken_links_or_anchors(unpacked_zip):
    report = check_site(unpacked_zip)
    assert not report.problems, "broken links in the offline copy:\n" + "\n".join(report.problems)
    unreached = sorted({page.replace(".md", ".html") for page in PAGES} - report.reached)
    assert not unreached, f"never reached from index.html: {unreached}"
