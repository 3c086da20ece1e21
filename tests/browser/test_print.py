"""Printed handouts: each page printed to PDF in Chromium carries its title, permanent
address, review date and a QR code that a phone reads as that address, and none of the
site's chrome."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from support.project import PAGES, front_matter, html_name, site_url
from support.qr import decode_qr

pytestmark = pytest.mark.xdist_group("print")
SITE_URL = site_url()
CHROME = ["Table of contents", "Skip to content", "not medical advice. It cannot diagnose you",
          "Back to top",
          "Type to start searching"]


def long_date(value) -> str:
    return f"{value.day} {value:%B %Y}"


@pytest.fixture(scope="module")
def printed(browser, site_url):
    """Each page printed: its PDF as plain text with white space folded, and the texts a
    QR reader finds in a picture of its QR code as printed (print styles, 4x pixels)."""
    texts, codes = {}, {}
    context = browser.new_context(device_scale_factor=4)
    page = context.new_page()
    page.emulate_media(media="print")
    for name in PAGES:
        page.goto(site_url + html_name(name))
        reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
        texts[name] = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
        qr = page.locator(".print-header__qr svg")
        codes[name] = decode_qr(qr.screenshot()) if qr.count() == 1 and qr.is_visible() else []
    context.close()
    return texts, codes


@pytest.fixture(scope="module")
def pdf_text(printed):
    return printed[0]


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
def test_printed_qr_code_reads_as_the_pages_address(printed, page):
    codes = printed[1][page]
    assert codes == [SITE_URL + html_name(page)], f"{html_name(page)}: the printed QR code reads {codes}"
