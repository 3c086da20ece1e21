"""The built search: every page starts our worker (Material's lunr worker is not
shipped), and the index, for http(s) and for file:// alike, holds each warning sign as
its own result and the groups of other words, but not the evidence ledger."""

from __future__ import annotations

import json

import pytest

from support.project import PAGES, ROOT, html_name
from toecramps import safety


@pytest.fixture(scope="module")
def index(site_dir):
    return json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_starts_our_search_worker(soups, site_dir, page):
    config = json.loads(soups[page].select_one("script#__config").string)
    worker = (site_dir / html_name(page)).parent / config["search"]
    assert config["search"].endswith("assets/javascripts/search-worker.js"), config["search"]
    assert worker.is_file(), f"{html_name(page)}: {config['search']} is not in the site"


def test_materials_own_search_worker_is_not_shipped(site_dir):
    assert not (site_dir / "assets/javascripts/workers").exists()
    assert not (site_dir / "assets/javascripts/lunr").exists()


def test_the_index_for_file_urls_is_the_same_index(site_dir, index):
    script = (site_dir / "search/search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ")
    assert json.loads(script.removeprefix("var __index = ")) == index


def test_each_warning_sign_is_its_own_result_with_its_tier(index):
    found, _ = safety.parse((ROOT / safety.SAFETY_FILE).read_text(encoding="utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    for flag in found.red_flags:
        doc = by_location.get(f"when-to-get-help.html#{flag.id}")
        assert doc, f"no search result for the sign {flag.id}"
        assert doc["title"] == found.tier(flag.tier).call
        assert doc["text"].strip()
        # What the sign says only when a link lands on it stays out of its result.
        assert found.tier(flag.tier).call not in doc["text"], flag.id
    # ... and out of the page's own results: each tier's call once, from its box's heading.
    page_text = " ".join(doc["text"] for doc in index["docs"]
                         if doc["location"].startswith("when-to-get-help.html") and doc.get("boost") is None)
    for tier in found.tiers:
        assert page_text.count(f"{tier.call} if:") == 1, tier.id


def test_the_groups_of_other_words_are_in_the_index(index):
    groups = index["config"]["synonyms"]
    assert ["paracetamol", "acetaminophen", "tylenol", "calpol"] in groups


def test_the_evidence_ledger_is_not_searched(index):
    """Its 84 quotes would answer every query for a reader who needs the page itself."""
    locations = {doc["location"] for doc in index["docs"]}
    assert "for-clinics.html#how-to-check" not in locations
    assert "for-clinics.html#deep-links" in locations
