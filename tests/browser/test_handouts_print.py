"""Each one-page handout printed in Chromium, on A4 and on US Letter: exactly one sheet,
with its QR code (read back as a phone would) leading to its own address online, its
review dates, the one-line disclaimer, every section, and none of the site's menus."""

from __future__ import annotations

import pytest

from support import printing
from support.project import HANDOUTS, front_matter, html_name, site_url

SITE_URL = site_url()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("handout", HANDOUTS)
def test_handout_prints_on_one_sheet_with_its_code_dates_and_disclaimer(browser, site_url, soups,
                                                                         handout, paper):
    name, meta = html_name(handout), front_matter(handout)
    printout = printing.print_page(browser, site_url + name, paper=paper)
    text = printout.text
    assert printout.sheets == 1, f"{name} prints on {printout.sheets} {paper} sheets"
    assert printout.codes == [SITE_URL + name], f"{name}: the QR code reads {printout.codes}"
    assert SITE_URL + name in text.replace(" ", ""), f"{name}: its address is not printed"
    assert f"Last reviewed {printing.long_date(meta['last_reviewed'])}" in text
    assert f"Next review due {printing.long_date(meta['next_review'])}" in text
    assert printing.DISCLAIMER in text, f"{name}: no disclaimer on {paper}"
    chrome = [words for words in printing.SITE_CHROME if words in text]
    assert not chrome, f"{name}: site menus printed: {chrome}"
    for heading in soups[handout].select("article h1, article h2:not(#page-sources)"):
        words = heading.get_text().rstrip("¶").strip()
        assert words in text, f"{name}: '{words}' is not on the {paper} sheet"


def test_stretches_handout_prints_its_drawings(browser, site_url, soups):
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto(site_url + "handouts/stretches.html")
    drawings = page.locator("article figure.illustration svg")
    assert drawings.count() == len(soups["handouts/stretches.md"].select("article figure.illustration"))
    assert drawings.count() >= 3
    for index in range(drawings.count()):
        box = drawings.nth(index).bounding_box()
        assert drawings.nth(index).is_visible() and box["height"] > 60, "a drawing is hidden or tiny"
    page.close()


def test_old_action_card_address_opens_the_handout_at_the_same_section(browser, site_url):
    """Cards printed before the move carry cramp-action-card.html in their QR code."""
    page = browser.new_page()
    page.goto(site_url + "cramp-action-card.html#when-to-get-help")
    page.wait_for_url("**/handouts/cramp-action-card.html#when-to-get-help")
    assert page.locator("#when-to-get-help").is_visible()
    page.close()
