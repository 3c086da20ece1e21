"""Printing a page to PDF in Chromium, as a reader's Print button does, and reading back
what the paper shows."""

from __future__ import annotations

import dataclasses
import io

from pypdf import PdfReader

from .qr import decode_qr

# Words of the site's menus, search and footer: never on paper.
SITE_CHROME = ["Table of contents", "Skip to content", "not medical advice. It cannot diagnose you",
               "Back to top", "Type to start searching"]
# The one-line disclaimer every printout carries (overrides/main.html, print header).
DISCLAIMER = "General information, not a diagnosis. If you are worried, see a doctor."


def long_date(value) -> str:
    """As the built pages write dates: 22 November 2026."""
    return f"{value.day} {value:%B %Y}"


@dataclasses.dataclass
class Printout:
    text: str          # every page's text, white space folded
    sheets: int        # how many sheets of paper
    codes: list[str]   # what a QR reader finds in the printed QR code


def print_page(browser, url: str, *, paper: str = "A4") -> Printout:
    """The page printed on paper ("A4" or "Letter"), with its QR code as printed (print
    styles, 4x pixels) read as a phone would."""
    context = browser.new_context(device_scale_factor=4)
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(url)
    reader = PdfReader(io.BytesIO(page.pdf(format=paper)))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    qr = page.locator(".print-header__qr svg")
    codes = decode_qr(qr.screenshot()) if qr.count() == 1 and qr.is_visible() else []
    context.close()
    return Printout(text=text, sheets=len(reader.pages), codes=codes)
