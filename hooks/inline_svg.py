"""Put our illustrations into the page itself, so they take the theme's colours.

An <img> of an SVG under assets/illustrations/ would be drawn in isolation, blind to the
page's light, dark or print colours. This hook swaps each such <img> for the SVG's own
markup, labelled for screen readers by the image's alt text. An illustration that is
missing, is not SVG, or lacks <title> and <desc> stops the build.
"""

from __future__ import annotations

import html
import pathlib
import re

from mkdocs.exceptions import PluginError

ILLUSTRATIONS = "assets/illustrations/"
IMG = re.compile(r"<img\b[^>]*>")
ATTRIBUTE = re.compile(r'(\w[\w-]*)="([^"]*)"')
XML_PROLOGUE = re.compile(r"^\s*(<\?xml[^>]*\?>)?\s*(<!--.*?-->\s*)*", re.S)


def on_page_content(content, page, config, files):
    docs = pathlib.Path(config.docs_dir)

    def inline(match: re.Match) -> str:
        attributes = dict(ATTRIBUTE.findall(match.group(0)))
        source = attributes.get("src", "")
        if ILLUSTRATIONS not in source or not source.endswith(".svg"):
            return match.group(0)
        relative = source[source.index(ILLUSTRATIONS):]
        path = docs / relative
        if not path.is_file():
            raise PluginError(f"{page.file.src_path}: illustration docs/{relative} does not exist")
        svg = XML_PROLOGUE.sub("", path.read_text(encoding="utf-8"), count=1)
        if not svg.startswith("<svg") or "<title>" not in svg or "<desc>" not in svg:
            raise PluginError(f"docs/{relative} (shown on {page.file.src_path}): must be an "
                              "<svg> with a <title> and a <desc>")
        label = html.escape(html.unescape(attributes.get("alt", "")), quote=True)
        return svg.replace(
            "<svg", f'<svg role="img" aria-label="{label}" class="illustration"', 1
        )

    return IMG.sub(inline, content)
