"""Describe each page for search engines and link previews: schema.org JSON-LD.

Each page becomes a MedicalWebPage about muscle cramps of the foot and toes, with its
review date, its audience (patients) and the sources it cites. The template puts the
JSON into a <script type="application/ld+json"> in the page head.
"""

from __future__ import annotations

import json

ABOUT = {
    "@type": "MedicalCondition",
    "name": "Muscle cramp",
    "alternateName": ["Toe cramp", "Foot cramp", "Muscle spasm", "Charley horse"],
    "associatedAnatomy": {"@type": "AnatomicalStructure", "name": "Foot and toes"},
}


def on_page_context(context, page, config, nav):
    meta = page.meta
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": meta.get("title") or page.title,
        "description": meta.get("description", ""),
        "url": page.canonical_url,
        "inLanguage": "en",
        "lastReviewed": meta["last_reviewed"].isoformat(),
        "dateModified": meta["last_reviewed"].isoformat(),
        "about": ABOUT,
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "publisher": {"@type": "Organization", "name": config.site_name, "url": config.site_url},
        "citation": [
            {"@type": "CreativeWork", "name": source["title"], "url": source["url"]}
            for source in meta.get("citations", [])
        ],
    }
    # "</" would end the <script> element early; JSON allows it written as "<\/".
    meta["json_ld"] = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return context
