"""Accessibility in the built HTML, for every page: the language, the landmarks, and a
name for the search dialog, and links that say where they lead. (axe-core and keyboard use in Chromium:
tests/browser/test_accessibility.py.)"""

from __future__ import annotations

from support.project import html_name

# Link texts that say nothing out of context: a screen reader's list of links, or a search
# engine, shows the text alone (Lighthouse's list, and WCAG 2.4.4).
VAGUE_LINK_TEXTS = {"more", "read more", "learn more", "here", "click here", "this", "link",
                    "this link", "go", "continue", "see more", "details", "more info"}


def test_search_dialog_has_an_accessible_name(soups):
    for page, soup in soups.items():
        dialog = soup.select_one(".md-search[role=dialog]")
        assert dialog is not None and dialog.get("aria-label"), f"{html_name(page)}: unnamed"


def test_lang_and_landmarks(soups):
    for page, soup in soups.items():
        assert soup.html.get("lang") == "en", f"{html_name(page)}: lang"
        for landmark in ("header", "main", "footer", "nav"):
            assert soup.find(landmark), f"{html_name(page)}: no <{landmark}> landmark"


def test_links_say_where_they_lead(site_soups):
    vague = [f"{page}: a link reads \"{link.get_text(strip=True)}\" (to {link['href']}): "
             "say where it leads, such as the section's name"
             for page, soup in site_soups.items() for link in soup.select("a[href]")
             if link.get_text(" ", strip=True).lower().strip(".()") in VAGUE_LINK_TEXTS]
    assert not vague, "\n".join(vague)
