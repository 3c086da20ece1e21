"""A QR code of each page's permanent address, for printed handouts.

Made at build time as inline SVG by segno (no network, no image files). Black on white
in every colour scheme, because that is what phone cameras read best; only the print
stylesheet shows it.
"""

from __future__ import annotations

import segno


def on_page_context(context, page, config, nav):
    if page.canonical_url:
        code = segno.make(page.canonical_url, error="m")
        svg = code.svg_inline(scale=2, dark="#000", light="#fff", border=2,
                              title=f"QR code for {page.canonical_url}")
        page.meta["qr_svg"] = svg
    return context
