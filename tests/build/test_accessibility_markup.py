"""Accessibility in the built HTML, for every page: the language, the landmarks, and a
name for the search dialog. (axe-core and keyboard use in Chromium:
tests/browser/test_accessibility.py.)"""

from __future__ import annotations

from support.project import html_name


def test_search_dialog_has_an_accessible_name(soups):
    for page, soup in soups.items():
        dialog = soup.select_one(".md-search[role=dialog]")
        assert dialog is not None and dialog.get("aria-label"), f"{html_name(page)}: unnamed"


def test_lang_and_landmarks(soups):
    for page, soup in soups.items():
        assert soup.html.get("lang") == "en", f"{html_name(page)}: lang"
        for landmark in ("header", "main", "footer", "nav"):
            assert soup.find(landmark), f"{html_name(page)}: no <{landmark}> landmark"
