"""Search finds what readers type: each query in tests/search_queries.txt, put into the
site's search in Chromium, served and from the offline copy on disk, lists the page a
reader needs among the first 3 results.
(Typing key by key, on phones and from the offline copy: test_interactions.py and
test_offline_copy.py.)"""

from __future__ import annotations

import urllib.parse

import pytest

from support.browser import DESKTOP, search
from support.project import TESTS


def _query(line: str):
    """query | target[ || target] [| known miss: why]"""
    query, expected, *known_miss = (part.strip() for part in line.split(" | "))
    marks = [pytest.mark.xfail(strict=True, reason=known_miss[0])] if known_miss else []
    return pytest.param(query, expected, marks=marks, id=query)


QUERIES = [_query(line) for line in (TESTS / "search_queries.txt").read_text().splitlines()
           if line.strip() and not line.startswith("#")]
TOP = 3


@pytest.fixture(scope="module", params=["served", "from disk"])
def search_page(request, browser, site_url, unpacked_zip):
    """One page per worker and way of reading the site: served over http, and the
    offline copy opened from disk (file://, where search runs in the iframe shim). Each
    query replaces the last."""
    base = site_url if request.param == "served" else unpacked_zip.as_uri() + "/"
    page = browser.new_page(viewport=DESKTOP)
    page.goto(base + "index.html")
    yield page
    page.close()


def short_address(href: str) -> str:
    """http://host/causes.html?h=x#night-cramps -> causes.html#night-cramps"""
    parts = urllib.parse.urlsplit(href)
    name = parts.path.rsplit("/", 1)[-1]
    return f"{name}#{parts.fragment}" if parts.fragment else name


def top_results(page, query: str) -> list[list[str]]:
    """The first results, each as the addresses it links to (page, then its sections).
    The box is emptied first and the list waited on until it is empty, so the list that
    then shows is the list for this query, put in at once."""
    box = page.locator("input.md-search__input")
    if box.input_value():
        box.fill("")
        box.press("End")
        page.locator(".md-search-result__item").first.wait_for(state="detached")
    results = search(page, query, typed=False)
    found = []
    for i in range(min(TOP, results.count())):
        hrefs = results.nth(i).locator("a").evaluate_all("links => links.map(a => a.href)")
        found.append([short_address(href) for href in hrefs])
    return found


def found(results: list[list[str]], target: str) -> bool:
    """A page target matches a result for that page; a page#section target also needs
    that section among the result's links."""
    page_name = target.split("#")[0]
    for links in results:
        if any(link.split("#")[0] == page_name for link in links):
            if "#" not in target or target in links:
                return True
    return False


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_query_finds_the_page_a_reader_needs(search_page, query, expected):
    results = top_results(search_page, query)
    targets = [target.strip() for target in expected.split("||")]
    assert any(found(results, target) for target in targets), (
        f"{query!r}: none of {targets} in the first {TOP} results: {results}"
    )
