"""The offline copy's search, typed by a reader, from disk (file://, where search runs
through the iframe-worker shim) and from a plain local server, with the network
blocked. (Every page of the offline copy opened: test_crawl.py.)"""

from __future__ import annotations

import pytest

from support.browser import assert_clean, search
from support.serving import serve

# A query, and the pages that answer it.
SEARCHES = [("dehydration", ("causes.html",)),
            ("quinine", ("treatment.html", "questions.html", "home-remedies.html"))]


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


@pytest.mark.parametrize(("query", "expected"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_from_disk_search_finds_and_opens_the_right_page(watched_page, unpacked_zip, query, expected):
    search_and_open(watched_page, unpacked_zip.as_uri() + "/", query, expected)
    assert_clean(watched_page.watch)
    outside_file = [u for u in watched_page.watch.requests if not u.startswith(("file:", "data:"))]
    assert not outside_file, f"requests outside file://: {outside_file}"


@pytest.mark.parametrize(("query", "expected"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_served_over_http_search_finds_and_opens_the_right_page(watched_page, unpacked_zip, query, expected):
    with serve(unpacked_zip) as url:
        search_and_open(watched_page, url, query, expected)
    assert_clean(watched_page.watch)
