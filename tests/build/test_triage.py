"""What a reader gets from the one triage source, in the built pages: the same signs in
the same tiers wherever tiers are shown, every caution where it belongs, and every
suggestion of a pain reliever linked to its caution."""

from __future__ import annotations

import re

import pytest

from support.project import PAGES, ROOT
from toecramps import safety

DATA, _ = safety.parse((ROOT / "safety.yml").read_text(encoding="utf-8"))
TRIAGE = "when-to-get-help.md"
PAIN_RELIEVERS = re.compile(r"\b(ibuprofen|paracetamol|acetaminophen|aspirin|naproxen|pain relievers?)\b", re.I)


def tiers_shown(box) -> dict[str, list[str]]:
    """Each tier call in a summary box, with the sign ids listed under it."""
    shown: dict[str, list[str]] = {}
    current = None
    for element in box.find_all(["p", "li"]):
        if element.name == "p" and element.strong:
            current = element.strong.get_text()
            shown[current] = []
        elif element.name == "li" and current:
            link = element.find("a", href=re.compile("when-to-get-help.html#"))
            shown[current].append(link["href"].split("#")[1])
    return shown


def expected_summary() -> dict[str, list[str]]:
    return {tier.call: [flag.id for flag in DATA.flags_in(tier.id)] for tier in DATA.tiers}


def summary_boxes(soup):
    return [box for box in soup.select("article .admonition.warning")
            if box.select_one(".admonition-title").get_text() == "When to get medical help"]


@pytest.mark.parametrize("page", ["index.md", "home-remedies.md", "causes.md",
                                  "questions.md", "handouts/cramp-action-card.md",
                                  "handouts/when-to-get-help.md"])
def test_pages_that_summarise_the_tiers_show_every_sign_in_its_tier(soups, page):
    boxes = summary_boxes(soups[page])
    assert boxes, f"{page} shows no summary of when to get help"
    for box in boxes:
        assert tiers_shown(box) == expected_summary()


def test_the_triage_page_lists_every_sign_once_under_its_tier(soups):
    soup = soups[TRIAGE]
    for tier in DATA.tiers:
        heading = soup.find("h2", id=tier.id)
        box = heading.find_next("div", class_="admonition")
        assert box.select_one(".admonition-title").get_text() == f"{tier.call} if:"
        assert [item["id"] for item in box.select("li[id]")] == \
            [flag.id for flag in DATA.flags_in(tier.id)]


def test_each_caution_is_shown_once_on_its_page(soups):
    for caution in DATA.cautions:
        for page in PAGES:
            found = soups[page].select(f"article #{caution.id}.admonition")
            assert len(found) == (1 if page == caution.page else 0), (caution.id, page)


@pytest.mark.parametrize("page", PAGES)
def test_every_suggestion_of_a_pain_reliever_links_to_the_caution(soups, page):
    article = soups[page].select_one("article")
    for block in article.find_all(["p", "li"]):
        if block.find_parent(id="pain-relievers") or block.find_parent(class_="page-sources") \
                or block.find_parent(class_="bibliography") or block.find(["p", "li"]):
            continue
        text = block.get_text()
        if PAIN_RELIEVERS.search(text) and re.search(r"\b(take|can help|try|use)\b", text, re.I):
            links = [a.get("href", "") for a in block.find_all("a")]
            assert any(href.endswith("#pain-relievers") for href in links), \
                f"{page}: suggests a pain reliever without linking to the caution: {text[:120]}"


def test_the_evidence_ledger_lists_every_sign_and_caution(soups):
    ledger = soups["for-clinics.md"].find("h2", id="how-to-check").find_parent("article")
    links = {a["href"] for a in ledger.select("table a[href]")}
    for flag in DATA.red_flags:
        assert f"when-to-get-help.html#{flag.id}" in links
    for caution in DATA.cautions:
        assert f"{caution.page[:-3]}.html#{caution.id}" in links
