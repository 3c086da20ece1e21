"""Make the home-screen icons (PNG) from our own artwork: the logo's foot print
(docs/assets/images/favicon.svg, Material Design Icons' "foot-print") in white on the
site's primary colour.

A one-off maintainer's script, not a build step: its output is committed in
docs/assets/images/, so a build needs no image tools. Run it again after changing the
artwork or the colours:

    .venv/bin/python -m toecramps.icons

PNG needs a rasteriser; Chromium (which the browser tests use anyway) draws the SVG and
takes a screenshot at exactly the icon's size.
"""

from __future__ import annotations

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "assets" / "images"
ARTWORK = IMAGES / "favicon.svg"
PRIMARY = "#1d4f73"  # --md-primary-fg-color in docs/assets/stylesheets/site.css
FOREGROUND = "#ffffff"
# name: (size in px, maskable). A maskable icon fills its whole square, and the phone
# cuts it to its own shape; everything that matters stays in the middle 80% circle.
ICONS = {
    "icon-192.png": (192, False),
    "icon-512.png": (512, False),
    "icon-maskable-192.png": (192, True),
    "icon-maskable-512.png": (512, True),
    "apple-touch-icon.png": (180, True),  # iOS rounds the corners itself
}


def foot_print_path(svg: str) -> str:
    match = re.search(r'<path[^>]* d="([^"]+)"', svg)
    if not match:
        raise ValueError(f"{ARTWORK}: no <path d=...> found")
    return match[1]


def icon_svg(*, path: str, size: int, maskable: bool) -> str:
    """The foot print, white, on a primary-coloured square (maskable: full bleed, art
    within the safe zone) or rounded square (any purpose)."""
    art = 0.5 if maskable else 0.62           # the drawing's share of the icon's width
    radius = 0 if maskable else size * 0.18
    scale = size * art / 24                   # the artwork's viewBox is 24 x 24
    offset = size * (1 - art) / 2
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
            f'viewBox="0 0 {size} {size}">'
            f'<rect width="{size}" height="{size}" rx="{radius}" fill="{PRIMARY}"/>'
            f'<path transform="translate({offset} {offset}) scale({scale})" '
            f'fill="{FOREGROUND}" d="{path}"/></svg>')


def main() -> None:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from support.browser import CHROMIUM_ARGS, find_chromium

    path = foot_print_path(ARTWORK.read_text(encoding="utf-8"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        for name, (size, maskable) in ICONS.items():
            page = browser.new_page(viewport={"width": size, "height": size}, device_scale_factor=1)
            page.set_content('<html><body style="margin:0">'
                             f"{icon_svg(path=path, size=size, maskable=maskable)}</body></html>")
            page.screenshot(path=str(IMAGES / name), omit_background=True)
            page.close()
            print(f"{IMAGES / name}: {size} x {size}")
        browser.close()


if __name__ == "__main__":
    main()
