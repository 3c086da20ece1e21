"""Printed handouts: each page printed to PDF in Chromium carries its title, permanent
address, review date and a QR code that a phone reads as that address, and none of the
site's chrome."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from support import printing
from support.project import PAGES, front_matter, html_name, site_url

SITE_URL = site_url()
CHROME = printing.SITE_CHROME
long_date = printing.long_date


def print_page(browser, url: str) -> tuple[str, list[str]]:
    printout = printing.print_page(browser, url)
    return printout.text, printout.codes


@pytest.mark.parametrize("page", PAGES)
def test_printout_has_title_address_review_date_and_qr_code_but_no_chrome(browser, site_url, page):
    name, meta = html_name(page), front_matter(page)
    text, codes = print_page(browser, site_url + name)
    assert meta["title"] in text, f"{name}: title missing from the printout"
    assert SITE_URL + name in text.replace(" ", ""), f"{name}: no address"
    assert f"Last reviewed {long_date(meta['last_reviewed'])}" in text, f"{name}: date"
    found = [words for words in CHROME if words in text]
    assert not found, f"{name}: site chrome printed: {found}"
    assert codes == [SITE_URL + name], f"{name}: the printed QR code reads {codes}"


def test_red_flag_boxes_all_print(browser, site_url, soups):
    text, _ = print_page(browser, site_url + "when-to-get-help.html")
    for title in soups["when-to-get-help.md"].select(".admonition:not(.review-overdue) .admonition-title"):
        assert title.get_text(strip=True) in text, title


def test_every_source_prints_with_an_address(browser, site_url):
    text = print_page(browser, site_url + "treatment.html")[0].replace(" ", "")
    assert "(https://doi.org/10.1002/14651858.CD005044.pub3)" in text
    assert "https://www.gov.uk/drug-safety-update/" in text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_cramp_action_card_prints_on_one_sheet_with_its_warnings(browser, site_url, paper):
    """The card a reader keeps by the bed: one sheet, every tier, and the safety warnings
    in the steps themselves (a link cannot be followed on paper)."""
    page = browser.new_page()
    page.goto(site_url + "handouts/cramp-action-card.html")
    reader = PdfReader(io.BytesIO(page.pdf(format=paper)))
    page.close()
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert len(reader.pages) == 1, f"the action card prints on {len(reader.pages)} {paper} pages"
    for words in ("Call your emergency number now", "Get an urgent appointment today",
                  "Book an appointment with your doctor", "Do not take ibuprofen if you are pregnant",
                  "do not use a hot-water bottle or heating pad", "My numbers"):
        assert words in text, f"{paper} card lacks: {words}"


def printed_look(browser, url: str, scheme: str) -> bytes:
    """The page as print styles lay it out, in one screenshot, for a reader whose device
    is set to the light or the dark colour scheme (the site follows it)."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 800, "height": 1000})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(url)
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    page.set_viewport_size({"width": 800, "height": page.evaluate("document.documentElement.scrollHeight")})
    shot = page.screenshot(animations="disabled")
    context.close()
    return shot


@pytest.mark.parametrize("name", ["handouts/when-to-get-help.html", "handouts/cramp-action-card.html",
                                  "when-to-get-help.html"])
def test_a_page_printed_in_the_dark_scheme_prints_dark_ink_on_white(browser, site_url, name):
    """A reader (or a clinic's computer) set to the dark scheme prints the same paper as
    one set to light: the dark scheme's pale link colour on white paper is hard to read."""
    light = printed_look(browser, site_url + name, "light")
    dark = printed_look(browser, site_url + name, "dark")
    assert dark == light, f"{name} prints differently in the dark colour scheme"
