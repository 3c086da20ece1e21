"""Functions the templates in overrides/ call, registered once as Jinja filters by
mkdocs_hook.on_env. Templates use only what both Jinja2 and MiniJinja accept: no Python
method calls, just these filters.
"""

from __future__ import annotations

import json
import re

import segno

from toecramps import bibliography, frontmatter

# What the page is about, for search engines (schema.org).
ABOUT = {
    "@type": "MedicalCondition",
    "name": "Muscle cramp",
    "alternateName": ["Toe cramp", "Foot cramp", "Muscle spasm", "Charley horse"],
    "associatedAnatomy": {"@type": "AnatomicalStructure", "name": "Foot and toes"},
}
PAGE_SOURCE = re.compile(r'<li id="source-([\w.:-]+)"')


def long_date(value) -> str:
    """2026-11-22 as "22 November 2026" (clear in every English-speaking country)."""
    date = frontmatter.as_date(value)
    return f"{date.day} {date:%B %Y}" if date else ""


def is_overdue(next_review) -> bool:
    return frontmatter.is_overdue(next_review)


def qr_svg(url: str) -> str:
    """A QR code of the address as inline SVG: black on white, as phone cameras read best."""
    code = segno.make(url, error="m")
    return code.svg_inline(scale=2, dark="#000", light="#fff", border=2,
                           title=f"QR code for {url}")


def cited_sources(content: str, entries: dict) -> list[dict]:
    """The sources listed under "Sources for this page" in a page's HTML, in order."""
    listing = content.split('id="page-sources"', 1)
    if len(listing) < 2:
        return []
    return [{"name": bibliography.title(entries[key]), "url": bibliography.entry_url(entries[key])}
            for key in PAGE_SOURCE.findall(listing[1]) if key in entries]


def json_ld(*, title: str, description: str, url: str, last_reviewed, content: str,
            site_name: str, site_url: str, entries: dict) -> str:
    """schema.org MedicalWebPage data for one page, safe inside a <script> element."""
    reviewed = frontmatter.as_date(last_reviewed)
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": title,
        "description": description,
        "url": url,
        "inLanguage": "en",
        "lastReviewed": reviewed.isoformat() if reviewed else None,
        "dateModified": reviewed.isoformat() if reviewed else None,
        "about": ABOUT,
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "publisher": {"@type": "Organization", "name": site_name, "url": site_url},
        "citation": [{"@type": "CreativeWork", **source}
                     for source in cited_sources(content, entries)],
    }
    # "</" would end the <script> element early; JSON allows it written as "<\/".
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
