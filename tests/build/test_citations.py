"""Sourcing: every health section cites a source, every source is cited and reachable,
and every citation on a page points at that page's list of sources."""

from __future__ import annotations

import re

import pytest
from pybtex.database import parse_file

from support.project import PAGES, ROOT, html_name

BIBLIOGRAPHY = ROOT / "references.bib"
# Pages whose every section makes health claims, so every h2 must cite a source.
CLAIM_PAGES = ["causes.md", "home-remedies.md", "prevention.md", "when-to-get-help.md",
               "treatment.md"]


@pytest.fixture(scope="module")
def entries():
    return parse_file(str(BIBLIOGRAPHY), bib_format="bibtex").entries


def sections(soup):
    """(h2 heading text, citation count) for each h2 section of the article."""
    article = soup.select_one("article.md-content__inner")
    found = []
    for heading in article.find_all("h2"):
        if heading.get("id") == "page-sources":
            continue
        count = 0
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            count += len(sibling.select("sup.cite")) + (sibling.name == "sup")
        found.append((heading.get("id"), count))
    return found


@pytest.mark.parametrize("page", CLAIM_PAGES)
def test_every_section_cites_a_source(soups, page):
    uncited = [section for section, count in sections(soups[page]) if count == 0]
    assert not uncited, f"docs/{page}: sections with no citation: {uncited}"


def test_every_bibliography_entry_is_cited_somewhere(soups, entries):
    cited = {
        link["href"].removeprefix("#source-")
        for soup in soups.values() for link in soup.select("sup.cite a")
    }
    uncited = sorted(set(entries) - cited)
    assert not uncited, f"references.bib entries no page cites: {uncited}"


def test_every_entry_has_a_doi_pmid_or_url(entries):
    missing = [key for key, entry in entries.items()
               if not any(entry.fields.get(f) for f in ("doi", "pmid", "url"))]
    assert not missing, f"references.bib entries with no doi, pmid or url: {missing}"


def test_web_entries_have_a_checked_date(entries):
    missing = [key for key, entry in entries.items()
               if entry.fields.get("url") and not entry.fields.get("doi")
               and not entry.fields.get("pmid") and not entry.fields.get("urldate")]
    assert not missing, f"web entries without urldate: {missing}"


@pytest.mark.parametrize("page", PAGES)
def test_citations_point_at_this_pages_sources(soups, page):
    soup = soups[page]
    listed = {item["id"] for item in soup.select("ol.page-sources li[id]")}
    for link in soup.select("sup.cite a"):
        assert link["href"].lstrip("#") in listed, (
            f"{html_name(page)}: citation {link['href']} has no entry in its sources list"
        )
    leftover = re.findall(r"\[@[^\]]*\]", soup.select_one("article").get_text())
    assert not leftover, f"{html_name(page)}: citations the build did not turn into links: {leftover}"


@pytest.mark.parametrize("page", PAGES)
def test_source_links_go_to_doi_pubmed_or_the_web_page(soups, page):
    for item in soups[page].select("ol.page-sources li, ol.bibliography li"):
        links = [a["href"] for a in item.find_all("a", href=True)]
        assert links and all(href.startswith("https://") for href in links), (
            f"{html_name(page)}: source {item.get('id')} has no https link: {links}"
        )


def test_sources_page_lists_the_whole_bibliography(soups, entries):
    listed = {item["id"].removeprefix("source-") for item in soups["sources.md"].select(
        "ol.bibliography li")}
    assert listed == set(entries), f"sources page differs from references.bib: {listed ^ set(entries)}"
