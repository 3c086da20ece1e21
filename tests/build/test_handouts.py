"""One-page handouts (docs/handouts/): the same words as the pages they summarise, found
from For clinics and from those pages, kept out of search, with their caution boxes
copied from safety.yml without taking the caution's address."""

from __future__ import annotations

import copy
import json
import posixpath

import pytest

from support.project import HANDOUTS, PAGES, front_matter, html_name

NOT_CONTENT = (".print-header", ".page-review", ".help-link", ".review-overdue", "#page-sources",
               ".page-sources", ".print-card__sources", ".screen-only", ".handout-only",
               "sup.cite", "a.headerlink", "h1")
BLOCKS = ["p", "li", "figcaption", "td", "th"]  # headings name; they do not advise


def blocks(soup) -> list[str]:
    """Each innermost block of text in a page's article, white space folded, without
    citation numbers (they are numbered per page)."""
    article = soup.select_one("article.md-content__inner")
    article = type(soup)(str(article), "html.parser")
    for selector in NOT_CONTENT:
        for element in article.select(selector):
            element.decompose()
    found = []
    for block in article.find_all(BLOCKS):
        if block.find(BLOCKS):
            continue
        text = " ".join(block.get_text(" ").split())
        if text:
            found.append(text)
    return found


def test_there_are_the_five_handouts_the_clinics_asked_for():
    assert {html_name(page) for page in HANDOUTS} >= {
        "handouts/cramp-action-card.html", "handouts/when-to-get-help.html",
        "handouts/night-cramps.html", "handouts/stretches.html", "handouts/pregnancy.html"}


@pytest.mark.parametrize("handout", HANDOUTS)
def test_every_word_of_a_handout_is_on_a_page_too(soups, handout):
    """No second copy of any advice: each paragraph, list item and caption of a handout
    reads the same on some page of the site, because both show the same
    shared part (docs/_includes/) or marker."""
    pages_text = " ".join(" ".join(blocks(soups[page]))
                          for page in PAGES if page not in HANDOUTS)
    written_here = [text for text in blocks(soups[handout]) if text not in pages_text]
    assert not written_here, (
        f"{handout} says what no page says (put it in a part in docs/_includes/ that the "
        f"page shows too, or mark a line that belongs on paper only {{: .handout-only }}):\n"
        + "\n".join(written_here))


@pytest.mark.parametrize("handout", HANDOUTS)
def test_a_handout_is_linked_from_for_clinics_and_from_the_pages_it_summarises(soups, handout):
    name = html_name(handout)
    clinic_links = {a["href"] for a in soups["for-clinics.md"].select("#handouts ~ table a[href]")}
    assert name in clinic_links, f"For clinics' handouts table does not link {name}"
    summarises = front_matter(handout).get("summarises") or []
    assert summarises, f"{handout}: front matter 'summarises' names no page"
    for index, target in enumerate(summarises):
        page, _, section = target.partition("#")
        soup = soups[page]
        links = [a for a in soup.select("article a[href]")
                 if posixpath.normpath(a["href"].split("#")[0]) == name]
        assert links, f"{page} does not link to its handout {name}"
        if index == 0:  # the page it summarises: "Print a one-page handout" in that section
            printed = [a for a in links if a.get_text() == "Print a one-page handout"]
            assert printed, f"{page}: no 'Print a one-page handout' link to {name}"
            if section:
                heading = soup.find(id=section)
                level = heading.name
                after = heading.find_all_next()
                end = next((el for el in after if el.name in ("h1", "h2", "h3")[: int(level[1])]), None)
                inside = [a for a in printed if end is None or a in end.find_all_previous("a")]
                assert inside, f"{page}: the handout link is not in section #{section}"


def test_handouts_are_left_out_of_search(site_dir):
    """Their words are on the pages they summarise: search shows those pages."""
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = sorted({doc["location"] for doc in index["docs"] if doc["location"].startswith("handouts/")})
    assert not found, f"handouts in the search index: {found}"


def box_words(box) -> str:
    """A caution box's words, white space folded, without citation numbers: each page
    numbers its own citations, so the same source can be [23] on one page and [28] on another."""
    box = copy.copy(box)
    for cite in box.select("sup.cite"):
        cite.decompose()
    return " ".join(box.get_text(" ").split())


def test_a_caution_on_a_handout_is_a_copy_of_the_box_on_its_page(soups):
    from support.project import ROOT
    from toecramps import safety

    data, _ = safety.parse((ROOT / "safety.yml").read_text(encoding="utf-8"))
    copies = 0
    for handout in HANDOUTS:
        for box in soups[handout].select("article .admonition.caution"):
            caution = data.caution(box.get("data-caution", ""))
            assert caution is not None and not box.get("id"), \
                f"{handout}: a caution box must be a copy ([[caution ID]]), without an id"
            original = soups[caution.page].select_one(f"article #{caution.id}")
            assert box_words(box) == box_words(original), \
                f"{handout}: [[caution {caution.id}]] reads differently from its box on {caution.page}"
            copies += 1
    assert copies, "no handout carries a caution: this test would check nothing"
