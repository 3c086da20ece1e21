"""Finishing touches to each built page that need code, done after the build so that the
templates stay plain (Jinja2 and MiniJinja alike) and any engine's output gets them.

The templates in overrides/ mark what to finish: <time datetime="2026-11-22"> elements,
the review notice's data-next-review, the print header's data-qr. Each function takes a
page's HTML and returns it finished; postbuild.py runs them over every page, in order.
"""

from __future__ import annotations

import datetime
import html as html_escaping
import json
import re

import segno

from toecramps import bibliography, frontmatter

ISO_TIME = re.compile(r'<time datetime="(\d{4}-\d\d-\d\d)">\1</time>')
REVIEW_NOTICE = re.compile(r'(<div class="[^"]*review-overdue[^"]*" data-next-review="([^"]*)") hidden>')
QR_FIGURE = re.compile(r'(<figure class="print-header__qr" data-qr="([^"]+)">)')
REVIEWED = re.compile(r'<aside class="page-review".*?<time datetime="(\d{4}-\d\d-\d\d)"', re.S)
META = re.compile(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
PAGE_SOURCE = re.compile(r'<li id="source-([\w.:-]+)"')
SKIP_LINK = re.compile(r'(<a href=")[^"]*(" class="md-skip">)')
HELP_LINK_ID = "help-link"  # overrides/main.html
# What every page is about, for search engines (schema.org).
ABOUT = {
    "@type": "MedicalCondition",
    "name": "Muscle cramp",
    "alternateName": ["Toe cramp", "Foot cramp", "Muscle spasm", "Charley horse"],
    "associatedAnatomy": {"@type": "AnatomicalStructure", "name": "Foot and toes"},
}


def long_date(date: datetime.date) -> str:
    """22 November 2026: clear in every English-speaking country."""
    return f"{date.day} {date:%B %Y}"


def long_dates(page: str) -> str:
    """<time datetime="2026-11-22">2026-11-22</time> reads "22 November 2026"."""
    return ISO_TIME.sub(lambda match: f'<time datetime="{match[1]}">'
                        f"{long_date(datetime.date.fromisoformat(match[1]))}</time>", page)


def overdue_notice(page: str, today: datetime.date) -> str:
    """Show the "due for review" notice when the review date has passed by build time.
    (overrides/partials/javascripts/first-paint.html shows it in the reader's browser
    when it passes later.)"""
    def show(match: re.Match) -> str:
        return match[1] + ">" if frontmatter.is_overdue(match[2], today) else match[0]
    return REVIEW_NOTICE.sub(show, page)


def skip_to_help_link(page: str) -> str:
    """Material's "Skip to content" goes to the page's title. The link to the warning
    signs comes before the title, so a keyboard or screen reader user who skips the menu
    would skip it too: where a page has it, the skip link goes to it."""
    if f'id="{HELP_LINK_ID}"' not in page:
        return page
    return SKIP_LINK.sub(rf"\g<1>#{HELP_LINK_ID}\g<2>", page, count=1)


def qr_code(page: str) -> str:
    """The print header's QR code of the page's address, as inline SVG: black on white,
    as phone cameras read best. Sized by a viewBox, not in pixels, so the stylesheet's
    print size scales the whole code instead of cutting off a long address's edge."""
    def code(match: re.Match) -> str:
        url = html_escaping.unescape(match[2])
        svg = segno.make(url, error="m").svg_inline(
            scale=2, dark="#000", light="#fff", border=2, title=f"QR code for {url}",
            omitsize=True)
        return match[1] + "\n" + svg
    return QR_FIGURE.sub(code, page)


def structured_data(page: str, *, entries: dict, site_name: str, site_url: str) -> str:
    """schema.org MedicalWebPage data for search engines: its name, description, address,
    review date and the sources it cites. At the end of the body, not in the head: it is
    up to 10 KB that a phone would otherwise download before the first words."""
    reviewed = REVIEWED.search(page)
    if not reviewed or "</body>" not in page:
        return page  # not a content page (redirect stubs, the 404 page)
    meta = {name: html_escaping.unescape(value) for name, value in META.findall(page)}
    canonical = CANONICAL.search(page)
    listing = page.split('id="page-sources"', 1)
    cited = PAGE_SOURCE.findall(listing[1]) if len(listing) == 2 else []
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": meta.get("og:title", ""),
        "description": meta.get("description", ""),
        "url": canonical[1] if canonical else None,
        "inLanguage": "en",
        "lastReviewed": reviewed[1],
        "dateModified": reviewed[1],
        "about": ABOUT,
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "publisher": {"@type": "Organization", "name": site_name, "url": site_url},
        "citation": [{"@type": "CreativeWork", "name": bibliography.title(entries[key]),
                      "url": bibliography.entry_url(entries[key])}
                     for key in cited if key in entries],
    }
    # "</" would end the <script> element early; JSON allows it written as "<\/".
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    head, end, rest = page.rpartition("</body>")
    return f'{head}<script type="application/ld+json">{text}</script>\n{end}{rest}'
