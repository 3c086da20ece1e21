"""Images: every image needs alternative text, and our SVG illustrations are put into the
page itself, so they take the theme's light, dark and print colours.

An <img> of an SVG under assets/illustrations/ is replaced by the SVG's own markup,
labelled for screen readers by the image's alt text. Problems are warnings naming the
page: an image without alt text, an illustration that is missing, or one that is not an
<svg> with a <title> and a <desc>; and a Mermaid diagram, which would need a script from
a CDN.
"""

from __future__ import annotations

import html
import pathlib
import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

from toecramps import messages

ILLUSTRATIONS = "assets/illustrations/"
IMG = re.compile(r"<img\b[^>]*>")
ATTRIBUTE = re.compile(r'(\w[\w-]*)="([^"]*)"')
XML_PROLOGUE = re.compile(r"^\s*(<\?xml[^>]*\?>)?\s*(<!--.*?-->\s*)*", re.S)
PRIORITY = 5  # after raw HTML is put back (30), so images written as HTML are seen too


def svg_markup(path: pathlib.Path, alt: str) -> str | None:
    """The SVG file as inline markup labelled by alt, or None if it is not a titled SVG."""
    svg = XML_PROLOGUE.sub("", path.read_text(encoding="utf-8"), count=1)
    if not svg.startswith("<svg") or "<title>" not in svg or "<desc>" not in svg:
        return None
    label = html.escape(html.unescape(alt), quote=True)
    return svg.replace("<svg", f'<svg role="img" aria-label="{label}" class="illustration"', 1)


class IllustrationPostprocessor(Postprocessor):
    def __init__(self, md, docs_dir: str):
        super().__init__(md)
        self.docs_dir = pathlib.Path(docs_dir)

    def run(self, text: str) -> str:
        page = messages.current_page()
        if 'class="mermaid"' in text:
            messages.warn(page, "Mermaid diagrams need a script from a CDN; "
                          "draw an SVG in docs/assets/illustrations/ instead")
        return IMG.sub(lambda match: self.replace(match[0], page), text)

    def replace(self, tag: str, page: str) -> str:
        attributes = dict(ATTRIBUTE.findall(tag))
        source, alt = attributes.get("src", ""), attributes.get("alt", "")
        if not alt.strip():
            messages.warn(page, f"image without alt text: {source or '(no src)'}")
        if ILLUSTRATIONS not in source or not source.endswith(".svg"):
            return tag
        relative = source[source.index(ILLUSTRATIONS):]
        path = self.docs_dir / relative
        if not path.is_file():
            messages.warn(page, f"illustration docs/{relative} does not exist")
            return tag
        markup = svg_markup(path, alt)
        if markup is None:
            messages.warn(page, f"docs/{relative} must be an <svg> with a <title> and a <desc>")
            return tag
        return markup


class IllustrationExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"docs_dir": ["docs", "the docs folder, relative to the folder the build runs in"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.postprocessors.register(
            IllustrationPostprocessor(md, self.getConfig("docs_dir")), "illustrations", PRIORITY)


def makeExtension(**kwargs):
    return IllustrationExtension(**kwargs)
