"""Our illustrations: hand-written SVG, each with a title and a description, drawn only
in the theme's colours, small, used by a page, and shown there with alt text and a
caption. (The accessibility tests check the pages that show them.)"""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ElementTree

import pytest

from support.project import DOCS, html_name

FOLDER = DOCS / "assets" / "illustrations"
SVG = "{http://www.w3.org/2000/svg}"
FILES = sorted(FOLDER.glob("*.svg"))
MAX_COMPRESSED = 15_000
COLOUR_VALUE = re.compile(r"#[0-9a-fA-F]{3,8}\b|rgb\(|hsl\(")


def test_there_are_illustrations():
    assert len(FILES) >= 8, "expected the foot diagrams and every exercise"
    assert not [p for p in FOLDER.iterdir() if p.suffix != ".svg"], "only SVG, no raster images"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_illustration_is_valid_svg_with_title_and_description(path):
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{SVG}svg" and root.get("viewBox"), f"{path.name}: not an <svg> with a viewBox"
    children = [child.tag for child in root]
    assert children[:2] == [f"{SVG}title", f"{SVG}desc"], f"{path.name}: title and desc must come first"
    assert root.find(f"{SVG}title").text.strip() and root.find(f"{SVG}desc").text.strip()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_illustration_takes_its_colours_from_the_theme(path):
    text = path.read_text(encoding="utf-8")
    assert not COLOUR_VALUE.search(text), f"{path.name}: fixed colours; use the ill-* classes"
    assert "<image" not in text and "<style" not in text, f"{path.name}: raster image or style"
    assert ' id="' not in text, f"{path.name}: ids collide when several SVGs share a page"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_illustration_is_small(path):
    size = len(gzip.compress(path.read_bytes(), 9))
    assert size <= MAX_COMPRESSED, f"{path.name}: {size:,} bytes compressed (max {MAX_COMPRESSED:,})"


def drawing_title(svg) -> str:
    return " ".join(svg.find("title").get_text().split())


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_illustration_is_shown_on_a_page(path, soups):
    title = " ".join(ElementTree.parse(path).getroot().find(f"{SVG}title").text.split())
    shown_on = [page for page, soup in soups.items()
                if any(drawing_title(svg) == title for svg in soup.select("article figure svg"))]
    assert shown_on, f"{path.name} is not shown on any page"


def test_pages_show_illustrations_inline_with_alt_text_and_caption(soups):
    shown = set()
    for page, soup in soups.items():
        for figure in soup.select("article figure.illustration"):
            svg = figure.find("svg")
            assert svg is not None, f"{html_name(page)}: figure without its drawing"
            assert svg.get("role") == "img" and len(svg.get("aria-label", "")) > 20, (
                f"{html_name(page)}: drawing without meaningful alt text"
            )
            assert figure.find("figcaption").get_text(strip=True), f"{html_name(page)}: no caption"
            shown.add(drawing_title(svg))
    # A drawing may be shown on several pages (shared parts in docs/_includes/).
    assert len(shown) == len(FILES), f"{len(shown)} different drawings shown for {len(FILES)} files"
