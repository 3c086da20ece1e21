"""Printed handouts: each page printed to PDF in Chromium carries its title, permanent
address, review date and a QR code of that address, and none of the site's chrome."""

from __future__ import annotations

import io
import re

import pytest
import segno
from mkdocs.utils.yaml import yaml_load
from pypdf import PdfReader

from conftest import PAGES, ROOT, front_matter, html_name

SITE_URL = yaml_load((ROOT / "mkdocs.yml").read_text())["site_url"]
CHROME = ["Table of contents", "Skip to content", "not medical advice. It cannot diagnose you",
          "Back to top",
          "Type to start searching"]


def long_date(value) -> str:
    return f"{value.day} {value:%B %Y}"


@pytest.fixture(scope="module")
def pdf_text(browser, site_url):
    """Each page printed to PDF, as plain text with white space folded."""
    texts = {}
    page = browser.new_page()
    for name in PAGES:
        page.goto(site_url + html_name(name))
        reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
        texts[name] = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    page.close()
    return texts


@pytest.mark.parametrize("page", PAGES)
def test_printout_has_title_address_and_review_date(pdf_text, page):
    text, meta = pdf_text[page], front_matter(page)
    assert meta["title"] in text, f"{html_name(page)}: title missing from the printout"
    assert SITE_URL + html_name(page) in text.replace(" ", ""), f"{html_name(page)}: no address"
    assert f"Last reviewed {long_date(meta['last_reviewed'])}" in text, f"{html_name(page)}: date"


@pytest.mark.parametrize("page", PAGES)
def test_printout_leaves_out_navigation_and_search(pdf_text, page):
    found = [words for words in CHROME if words in pdf_text[page]]
    assert not found, f"{html_name(page)}: site chrome printed: {found}"


def test_red_flag_boxes_all_print(pdf_text, soups):
    for title in soups["when-to-get-help.md"].select(".admonition:not(.review-overdue) .admonition-title"):
        assert title.get_text(strip=True) in pdf_text["when-to-get-help.md"], title


def test_every_source_prints_with_an_address(pdf_text):
    text = pdf_text["treatment.md"].replace(" ", "")
    assert "(https://doi.org/10.1002/14651858.CD005044.pub3)" in text
    assert "https://www.gov.uk/drug-safety-update/" in text


@pytest.mark.parametrize("page", PAGES)
def test_qr_code_encodes_the_pages_address(soups, page):
    figure = soups[page].select_one(".print-header__qr svg")
    assert figure is not None, f"{html_name(page)}: no QR code"
    expected = segno.make(SITE_URL + html_name(page), error="m").svg_inline(
        scale=2, dark="#000", light="#fff", border=2)
    drawn = re.search(r'<path class="qrline"[^>]*d="([^"]+)"', expected).group(1)
    assert figure.select_one("path.qrline")["d"] == drawn, f"{html_name(page)}: QR differs"
